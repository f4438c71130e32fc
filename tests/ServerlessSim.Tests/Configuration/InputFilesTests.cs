using ServerlessSim.Configuration;

namespace ServerlessSim.Tests.Configuration;

/// <summary>Input files are read as strict UTF-8 and refused past 64 MiB, before they are read into memory.</summary>
public class InputFilesTests
{
    [Test]
    public void A_file_larger_than_64_MiB_is_refused_with_its_kind()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("serverless-sim-input-").FullName, "trace-by-mistake.json");
        try
        {
            using (var file = File.Create(path))
            {
                file.SetLength(InputFiles.MaxBytes + 1L); // sparse: no 64 MiB written to disk
            }

            var act = () => ScenarioFile.Load(path);

            act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle()
                .Which.ToString().Should().Be($"{path}: \"{path}\" is larger than 64 MiB; a scenario file is a small JSON document: is this the right file?");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Test]
    public void A_byte_order_mark_is_dropped_and_a_bad_byte_is_placed_by_line_and_byte()
    {
        InputFiles.Decode([0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}'], "s.json").Should().Be("{}");

        var act = () => InputFiles.Decode("{\n  \"a\": \""u8.ToArray().Append((byte)0xC0).Concat("\"}"u8.ToArray()).ToArray(), "s.json");

        act.Should().Throw<ScenarioValidationException>().Which.Errors.Single().ToString()
            .Should().Be("s.json:2: byte 9 (0xC0) is not UTF-8 text; save the file as UTF-8");
    }
}

using ServerlessSim.Reporting;

namespace ServerlessSim.Tests.Reporting;

public class AtomicFileTests
{
    private string _directory = string.Empty;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("serverless-sim-atomic-").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void Replaces_the_whole_file_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_directory, "results.json");
        File.WriteAllText(path, "an older and much longer content that must not survive in part");

        AtomicFile.WriteAllText(path, "{}").Should().Be(path);

        File.ReadAllText(path).Should().Be("{}");
        Directory.GetFiles(_directory).Should().Equal(path);
    }

    [Test]
    public void Writes_utf8_without_a_byte_order_mark()
    {
        var path = Path.Combine(_directory, "report.md");

        AtomicFile.WriteAllText(path, "± µs");

        File.ReadAllBytes(path).Should().Equal(new System.Text.UTF8Encoding(false).GetBytes("± µs"));
    }

    [Test]
    public void A_failed_write_leaves_the_old_file_and_no_temporary_file()
    {
        var path = Path.Combine(_directory, "results.json");
        File.WriteAllText(path, "old");
        Directory.CreateDirectory(Path.Combine(_directory, "results.json.dir"));

        // A directory in the way of the rename: the move fails after the temporary file was written.
        var act = () => AtomicFile.WriteAllText(Path.Combine(_directory, "results.json.dir"), "new");

        act.Should().Throw<IOException>();
        File.ReadAllText(path).Should().Be("old");
        Directory.GetFiles(_directory).Should().Equal(path);
    }
}

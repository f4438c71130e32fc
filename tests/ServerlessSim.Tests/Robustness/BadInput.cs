using System.Text;

namespace ServerlessSim.Tests.Robustness;

/// <summary>One case of the bad-input catalogue: the files it writes, the command line, and the problems it must report.</summary>
/// <param name="Kind">What is bad: scenario file, trace (Azure 2019, Azure 2021, CSV), price table or command line.</param>
/// <param name="Name">The case in a few words, as the catalogue page lists it.</param>
/// <param name="Files">Files written into the case's fresh directory before the command runs (name, bytes made when needed).</param>
/// <param name="Args">The command line; <c>{dir}</c> stands for the case's directory.</param>
/// <param name="Problems">How many problems the command must report.</param>
/// <param name="Expected">For some of the problems, text that one line must hold (each array: all in the same line; field path or file:line, value and rule).</param>
public sealed record BadInput(
    string Kind,
    string Name,
    IReadOnlyList<(string Name, Func<byte[]> Content)> Files,
    IReadOnlyList<string> Args,
    int Problems,
    IReadOnlyList<string[]> Expected)
{
    public const string Dir = "{dir}";

    /// <summary>The command line as the catalogue page shows it: file names relative to the case's directory.</summary>
    public string CommandLine => string.Join(" ", Args.Prepend("serverless-sim").Select(a => a.Replace(Dir + "/", string.Empty, StringComparison.Ordinal).Replace(Dir, ".", StringComparison.Ordinal)).Select(Quote));

    public override string ToString() => $"{Kind}: {Name}";

    /// <summary>Text as UTF-8 bytes without a byte-order mark.</summary>
    public static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    /// <summary>A file with UTF-8 text.</summary>
    public static (string Name, Func<byte[]> Content) File(string name, string text) => (name, () => Utf8(text));

    /// <summary>A file whose bytes are made when the case runs (large or binary content).</summary>
    public static (string Name, Func<byte[]> Content) File(string name, Func<byte[]> bytes) => (name, bytes);

    /// <summary>A directory (made by writing an empty hidden file into it).</summary>
    public static (string Name, Func<byte[]> Content) Folder(string name) => (name + "/.keep", () => []);

    /// <summary>A case: expected holds, per problem listed, texts its line must contain.</summary>
    public static BadInput Case(string kind, string name, IReadOnlyList<(string Name, Func<byte[]> Content)> files, string[] args, int problems, params string[][] expected) =>
        new(kind, name, files, args, problems, expected);

    private static string Quote(string arg) => arg.Length == 0 || arg.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '[' or '*' or '{')
        ? "'" + arg + "'"
        : arg;
}

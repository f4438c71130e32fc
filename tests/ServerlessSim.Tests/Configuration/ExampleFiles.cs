namespace ServerlessSim.Tests.Configuration;

/// <summary>Where the documentation's example scenario files are.</summary>
internal static class ExampleFiles
{
    /// <summary>docs/examples of the repository holding the tests (the first directory up from the test binaries with Simulation.sln).</summary>
    public static string Directory
    {
        get
        {
            var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Simulation.sln")))
            {
                directory = directory.Parent;
            }

            return directory is null
                ? throw new DirectoryNotFoundException($"No Simulation.sln above {TestContext.CurrentContext.TestDirectory}.")
                : Path.Combine(directory.FullName, "docs", "examples");
        }
    }

    /// <summary>The path of the example <paramref name="fileName"/>.</summary>
    public static string PathOf(string fileName) => Path.Combine(Directory, fileName);
}

namespace ServerlessSim.Tests.Workload.Traces;

/// <summary>Deletes the files the trace tests wrote, once they have all run.</summary>
[SetUpFixture]
public class TraceFilesCleanup
{
    [OneTimeTearDown]
    public void DeleteTemporaryFiles()
    {
        if (Directory.Exists(TraceSamples.TemporaryRoot))
        {
            Directory.Delete(TraceSamples.TemporaryRoot, recursive: true);
        }
    }
}

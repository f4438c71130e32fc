namespace ServerlessSim.Workload.Traces;

/// <summary>The id columns of an Azure 2019 file (HashOwner, HashApp and, where present, HashFunction), read per row.</summary>
internal sealed class Azure2019Keys
{
    private readonly int _owner;
    private readonly int _app;
    private readonly int _function;

    private Azure2019Keys(int owner, int app, int function) => (_owner, _app, _function) = (owner, app, function);

    /// <summary>Whether <paramref name="column"/> is one of the id columns.</summary>
    public static bool IsIdColumn(string column) => column is "HashOwner" or "HashApp" or "HashFunction";

    /// <summary>Whether the file has a HashFunction column (the per-app memory file of Azure has none).</summary>
    public bool HasFunction => _function >= 0;

    /// <summary>The id columns of <paramref name="file"/>; null (and problems) if HashOwner or HashApp is missing, or HashFunction when <paramref name="functionRequired"/>.</summary>
    public static Azure2019Keys? Columns(CsvFile file, string header, bool functionRequired = true)
    {
        var owner = file.Require("HashOwner", header);
        var app = file.Require("HashApp", header);
        var function = functionRequired ? file.Require("HashFunction", header) : file.Columns.ToList().IndexOf("HashFunction");
        return owner < 0 || app < 0 || (functionRequired && function < 0) ? null : new Azure2019Keys(owner, app, function);
    }

    /// <summary>The current row's key (Function empty without a HashFunction column), or null (and a problem) if an id is empty.</summary>
    public FunctionKey? Read(CsvFile file)
    {
        var valid = true;
        foreach (var column in (ReadOnlySpan<int>)[_owner, _app, _function])
        {
            if (column >= 0)
            {
                valid &= file.IsId(column, "is empty; every row needs its ids");
            }
        }

        return valid ? new FunctionKey(file.Text(_owner), file.Text(_app), HasFunction ? file.Text(_function) : string.Empty) : null;
    }

    /// <summary>Whether <paramref name="key"/> is seen for the first time in the file; if not, a problem naming the line of the first.</summary>
    public static bool IsFirst(CsvFile file, FunctionKey key, Dictionary<FunctionKey, long> firstLine)
    {
        if (firstLine.TryAdd(key, file.Line))
        {
            return true;
        }

        file.BadRow(key.Function.Length > 0 ? key.Function : key.App, $"repeats the ids of line {firstLine[key]}; each function (or app) has one row");
        return false;
    }
}

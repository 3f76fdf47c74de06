namespace Guichet.Tests.Support;

/// The project's own files, for tests that read the source tree or write generated docs.
internal static class Repository
{
    /// The folder that holds Guichet.slnx.
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Guichet.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Guichet.slnx not found above " + AppContext.BaseDirectory);
    }
}

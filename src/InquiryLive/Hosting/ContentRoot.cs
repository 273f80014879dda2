namespace InquiryLive.Hosting;

/// <summary>
/// The app reads the repository's root appsettings.json and serves the root wwwroot/, so its content
/// root is the first folder, from the working directory or the binaries upwards, holding both.
/// INQUIRYLIVE_CONTENT_ROOT overrides the search (for a published deployment, say).
/// </summary>
public static class ContentRoot
{
    public static string Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("INQUIRYLIVE_CONTENT_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment)) return Path.GetFullPath(fromEnvironment);

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "appsettings.json")) && Directory.Exists(Path.Combine(dir.FullName, "wwwroot")))
                {
                    return dir.FullName;
                }
            }
        }
        return Directory.GetCurrentDirectory();
    }
}

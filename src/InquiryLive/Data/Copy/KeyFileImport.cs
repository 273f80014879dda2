using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Data.Copy;

/// <summary>
/// A node on SQLite keeps its Data Protection keys as files (data/keys); a node on PostgreSQL reads
/// them from the DataProtectionKeys table. Carrying the files over keeps the cookies already issued
/// valid: staff stay signed in and, more importantly, each viewer keeps the viewer id that links
/// them to the questions they asked.
/// </summary>
internal static class KeyFileImport
{
    /// <summary>Adds each key file not yet in the table, named and serialised as the EF Core key repository does.</summary>
    public static async Task<int> ImportAsync(AppDbContext target, string? folder, CancellationToken ct)
    {
        if (folder is null || !Directory.Exists(folder)) return 0;
        var known = (await target.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var imported = 0;
        foreach (var file in Directory.GetFiles(folder, "*.xml").Order(StringComparer.Ordinal))
        {
            // FileSystemXmlRepository names a file "<friendly name>.xml" (key-<guid>.xml).
            var friendlyName = Path.GetFileNameWithoutExtension(file);
            if (!known.Add(friendlyName)) continue;
            var xml = XElement.Load(file).ToString(SaveOptions.DisableFormatting);
            target.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = xml });
            imported++;
        }
        await target.SaveChangesAsync(ct);
        target.ChangeTracker.Clear();
        return imported;
    }
}

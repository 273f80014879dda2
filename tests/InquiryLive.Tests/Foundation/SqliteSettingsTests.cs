using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.Foundation;

/// <summary>The durability settings hold on every connection, including ones the pool hands out again.</summary>
public sealed class SqliteSettingsTests
{
    [SqliteFact("these are the settings of the SQLite file; PostgreSQL has its own")]
    public async Task EveryConnection_RunsInWal_WithFullSync_ForeignKeys_AndABusyTimeout_EvenWhenReused()
    {
        using var app = new InquiryApp();
        await app.DemoSessionId();
        for (var i = 0; i < 3; i++)
        {
            // Each scope opens a pooled connection again: the settings must be there every time.
            var settings = await app.Db(async db =>
            {
                var connection = db.Database.GetDbConnection();
                await connection.OpenAsync();
                try
                {
                    return (Journal: await Pragma(connection, "journal_mode"), Sync: await Pragma(connection, "synchronous"),
                        Keys: await Pragma(connection, "foreign_keys"), Busy: await Pragma(connection, "busy_timeout"));
                }
                finally
                {
                    await connection.CloseAsync();
                }
            });
            Assert.Equal(("wal", "2", "1", "10000"), settings);
        }
    }

    private static async Task<string> Pragma(System.Data.Common.DbConnection connection, string name)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}

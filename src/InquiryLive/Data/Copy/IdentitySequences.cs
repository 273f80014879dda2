using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace InquiryLive.Data.Copy;

public sealed record SequenceReset(string Table, string Column, long NextValue);

/// <summary>
/// Rows copied with their own ids do not advance PostgreSQL's identity sequences, so the first
/// insert after the copy would reuse id 1 and fail. Each sequence is moved past the largest copied id.
/// </summary>
internal static class IdentitySequences
{
    public static async Task<IReadOnlyList<SequenceReset>> ResetAsync(DbContext target, IEnumerable<IEntityType> tables, CancellationToken ct)
    {
        var sql = target.GetService<ISqlGenerationHelper>();
        var resets = new List<SequenceReset>();
        foreach (var table in tables)
        {
            var tableName = table.GetTableName()!;
            var store = StoreObjectIdentifier.Table(tableName, table.GetSchema());
            var qualifiedTable = sql.DelimitIdentifier(tableName, table.GetSchema());
            // Candidates: integer columns the database generates. pg_get_serial_sequence answers
            // NULL for one without a sequence, and setval(NULL, …) does nothing.
            var generated = table.GetProperties().Where(p =>
                p.ValueGenerated == ValueGenerated.OnAdd && IsInteger(p.ClrType) && p.GetColumnName(store) is not null);
            foreach (var property in generated)
            {
                var column = property.GetColumnName(store)!;
                // The identifiers come from the model, quoted by the provider; the names passed to
                // pg_get_serial_sequence are parameters.
                var statement = $"SELECT setval(pg_get_serial_sequence({{0}}, {{1}}), COALESCE(MAX({sql.DelimitIdentifier(column)}), 0) + 1, false) AS \"Value\" FROM {qualifiedTable}";
                var next = await target.Database.SqlQueryRaw<long?>(statement, qualifiedTable, column).ToListAsync(ct);
                if (next is [long value]) resets.Add(new SequenceReset(tableName, column, value));
            }
        }
        return resets;
    }

    private static bool IsInteger(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(int) || t == typeof(long) || t == typeof(short));
}

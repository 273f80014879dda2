using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InquiryLive.Data.Copy;

/// <summary>
/// Copies one table, row for row and with its keys, in batches: memory stays bounded by one batch
/// whatever the size of the event log.
/// </summary>
internal static class TableCopier
{
    public const int BatchSize = 1000;

    /// <summary>Copies every row of <paramref name="table"/>; the target's open transaction holds them until commit.</summary>
    public static Task<int> CopyAsync(DbContext source, DbContext target, IEntityType table, CancellationToken ct) =>
        ModelTables.Generic<Task<int>>(typeof(TableCopier), nameof(Copy), table, source, target, table, ct);

    private static async Task<int> Copy<T>(DbContext source, DbContext target, IEntityType table, CancellationToken ct) where T : class
    {
        var rows = OrderedByKey(ModelTables.Set<T>(source, table).AsNoTracking(), table.FindPrimaryKey()!);
        var times = table.GetProperties().Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)).ToList();
        var copied = 0;
        while (true)
        {
            // Paging by primary key inside the source's snapshot transaction: no row is read twice or missed.
            var batch = await rows.Skip(copied).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) break;
            ModelTables.Set<T>(target, table).AddRange(batch);
            InUtc(target, table, times);
            await target.SaveChangesAsync(ct);
            target.ChangeTracker.Clear();
            copied += batch.Count;
            if (batch.Count < BatchSize) break;
        }
        return copied;
    }

    /// <summary>Orders by every column of the primary key, so that paging is deterministic.</summary>
    private static IQueryable<T> OrderedByKey<T>(IQueryable<T> rows, IKey key) where T : class
    {
        IOrderedQueryable<T>? ordered = null;
        foreach (var property in key.Properties)
        {
            var keySelector = ByProperty<T>(property.Name);
            ordered = ordered is null ? rows.OrderBy(keySelector) : ordered.ThenBy(keySelector);
        }
        return ordered ?? rows;
    }

    private static Expression<Func<T, object>> ByProperty<T>(string name)
    {
        var row = Expression.Parameter(typeof(T), "row");
        var call = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(object)], row, Expression.Constant(name));
        return Expression.Lambda<Func<T, object>>(call, row);
    }

    /// <summary>
    /// Npgsql writes timestamptz only from UTC values. The app stores UTC everywhere, but a row
    /// written with a local offset must move as the same instant rather than abort the whole copy.
    /// </summary>
    private static void InUtc(DbContext target, IEntityType table, IReadOnlyList<IProperty> times)
    {
        if (times.Count == 0) return;
        foreach (var entry in target.ChangeTracker.Entries())
        {
            if (entry.Metadata.GetRootType() != table) continue;
            foreach (var time in times)
            {
                var value = entry.Property(time.Name);
                if (value.CurrentValue is DateTimeOffset { Offset.Ticks: not 0 } local) value.CurrentValue = local.ToUniversalTime();
            }
        }
    }
}

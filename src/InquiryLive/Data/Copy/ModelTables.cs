using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InquiryLive.Data.Copy;

/// <summary>
/// The tables of the model, read from EF Core's metadata rather than listed by hand, so a table
/// added to the model later is copied without anyone having to remember this command.
/// </summary>
internal static class ModelTables
{
    /// <summary>Every table, parents before children, so each row's foreign keys are satisfied when it is inserted.</summary>
    public static IReadOnlyList<IEntityType> InDependencyOrder(IModel model)
    {
        // One entry per table: owned types travel with their owner, derived types with their base.
        var tables = model.GetEntityTypes()
            .Where(t => t.BaseType is null && !t.IsOwned() && t.GetTableName() is not null && t.FindPrimaryKey() is not null)
            .OrderBy(t => t.GetTableName(), StringComparer.Ordinal)
            .ToList();
        var ordered = new List<IEntityType>();
        var finished = new Dictionary<IEntityType, bool>();
        foreach (var table in tables) Visit(table, finished, ordered);
        return ordered;
    }

    private static void Visit(IEntityType table, Dictionary<IEntityType, bool> finished, List<IEntityType> ordered)
    {
        if (finished.TryGetValue(table, out var done))
        {
            // Rows of a cycle (or of a table pointing at itself) cannot be inserted batch by batch in
            // key order; fail loudly so whoever adds such a relation extends this command.
            if (!done) throw new InvalidOperationException($"The foreign keys of table {table.GetTableName()} form a cycle; the copy cannot order its rows.");
            return;
        }
        finished[table] = false;
        var principals = table.GetDerivedTypesInclusive()
            .SelectMany(t => t.GetDeclaredForeignKeys())
            .Select(fk => RootOf(fk.PrincipalEntityType));
        foreach (var principal in principals) Visit(principal, finished, ordered);
        finished[table] = true;
        ordered.Add(table);
    }

    private static IEntityType RootOf(IEntityType type)
    {
        while (type.FindOwnership() is { } ownership) type = ownership.PrincipalEntityType;
        return type.GetRootType();
    }

    /// <summary>The rows of a table, by the table's CLR type (or name, for a shared-type entity).</summary>
    public static DbSet<T> Set<T>(DbContext db, IEntityType table) where T : class =>
        table.HasSharedClrType ? db.Set<T>(table.Name) : db.Set<T>();

    public static Task<int> CountAsync(DbContext db, IEntityType table, CancellationToken ct) =>
        Generic<Task<int>>(typeof(ModelTables), nameof(CountOf), table, db, table, ct);

    private static Task<int> CountOf<T>(DbContext db, IEntityType table, CancellationToken ct) where T : class =>
        Set<T>(db, table).CountAsync(ct);

    /// <summary>Calls the private static generic <paramref name="method"/> of <paramref name="owner"/> with the table's CLR type.</summary>
    public static TResult Generic<TResult>(Type owner, string method, IEntityType table, params object[] arguments) =>
        (TResult)owner.GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(table.ClrType)
            .Invoke(null, arguments)!;
}

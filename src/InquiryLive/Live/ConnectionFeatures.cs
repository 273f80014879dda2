using Microsoft.AspNetCore.Http.Features;

namespace InquiryLive.Live;

/// <summary>
/// Per-connection state kept in the connection's feature collection rather than in
/// <c>Context.Items</c>: Items is a dictionary created for its first entry, about 400 bytes a viewer
/// for one small object (docs/benchmarks.md, heap per connection).
/// </summary>
internal static class ConnectionFeatures
{
    /// <summary>
    /// The connection's <typeparamref name="T"/>, created on first use. A connection's hub
    /// invocations run one at a time, so the get-then-set cannot race.
    /// </summary>
    /// <remarks>The state argument lets a caller pass a static lambda: no closure allocated per invocation on a hot path (likes).</remarks>
    public static T GetOrCreate<T, TState>(this IFeatureCollection features, TState state, Func<TState, T> create) where T : class
    {
        var feature = features.Get<T>();
        if (feature is null) features.Set(feature = create(state));
        return feature;
    }
}

using System.Text.Json;
using InquiryLive.Data;
using InquiryLive.Sessions;

namespace InquiryLive.Live;

/// <summary>
/// What one command does to one session, inside one transaction: the entity changes go through
/// <see cref="Db"/>, and each event appended here takes the next gap-free sequence number of its
/// stream. Nothing leaves the server until the transaction commits.
/// </summary>
public sealed class SessionChange(AppDbContext db, InquirySession session, DateTimeOffset now)
{
    private readonly List<SessionEvent> _events = [];
    private readonly List<(string ViewerId, MyQuestionChanged Change)> _viewerNotes = [];
    private Dictionary<string, object>? _once;

    public AppDbContext Db { get; } = db;
    public InquirySession Session { get; } = session;
    public DateTimeOffset Now { get; } = now;

    /// <summary>An event everyone may see: viewers, the big screen, staff.</summary>
    public void Publish(string type, object data) => Append(EventStream.Public, ++Session.PublicSeq, type, data);

    /// <summary>An event only staff consoles may see (pending questions, moderation, turnout).</summary>
    public void PublishToStaff(string type, object data) => Append(EventStream.Staff, ++Session.StaffSeq, type, data);

    /// <summary>A private update for one viewer about their own question, sent after the commit.</summary>
    public void NotifyViewer(string viewerId, MyQuestionChanged change) => _viewerNotes.Add((viewerId, change));

    /// <summary>
    /// A value read once per transaction (e.g. the session's departments), shared by every command
    /// of a grouped batch instead of one query each.
    /// </summary>
    public async Task<T> OnceAsync<T>(string key, Func<Task<T>> read) where T : notnull
    {
        _once ??= [];
        if (!_once.TryGetValue(key, out var value))
        {
            value = await read();
            _once[key] = value;
        }
        return (T)value;
    }

    /// <summary>
    /// The keys of the commands that run in this transaction, as they were given to
    /// <see cref="GroupCommit.RunAsync{T}"/> (one command's key when it runs alone; none outside group commit).
    /// </summary>
    public IEnumerable<TKey> KeysInBatch<TKey>() => BatchKeys.OfType<TKey>();

    internal IReadOnlyList<object> BatchKeys { get; set; } = [];

    internal IReadOnlyList<SessionEvent> Events => _events;
    internal IReadOnlyList<(string ViewerId, MyQuestionChanged Change)> ViewerNotes => _viewerNotes;

    private void Append(EventStream stream, long seq, string type, object data)
    {
        var e = new SessionEvent
        {
            SessionId = Session.Id,
            Stream = stream,
            Seq = seq,
            Type = type,
            Data = JsonSerializer.Serialize(data, data.GetType(), LiveJson.Options),
            At = Now,
        };
        Db.Events.Add(e);
        _events.Add(e);
    }
}

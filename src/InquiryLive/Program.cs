using InquiryLive.Accounts;
using InquiryLive.Agenda;
using InquiryLive.Data;
using InquiryLive.Data.Copy;
using InquiryLive.Feed;
using InquiryLive.FollowUp;
using InquiryLive.Hosting;
using InquiryLive.Join;
using InquiryLive.Likes;
using InquiryLive.Live;
using InquiryLive.Questions;
using InquiryLive.Members;
using InquiryLive.Polls;
using InquiryLive.Moderation;
using InquiryLive.Sessions;

// Before anything uses the shared array pool: it reads its limit once (Hosting/SharedArrayPoolLimit.cs).
SharedArrayPoolLimit.RaiseBeforeFirstUse();

// A one-shot maintenance command runs instead of the server (docs/deploy.md: SQLite to PostgreSQL).
if (DatabaseCopyCommand.IsRequested(args))
{
    Environment.ExitCode = await DatabaseCopyCommand.RunAsync(args[1..], Console.Out, Console.Error);
    return;
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = ContentRoot.Find(),
});

// http://localhost:5080 unless ASPNETCORE_URLS, --urls or Urls says otherwise.
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

builder.AddLogging();
builder.AddApiProblems();
builder.AddDatabase();
builder.AddAccounts();
builder.AddRateLimits();
builder.AddLive();
builder.AddSessions();
builder.AddPolls();
builder.AddMembers();
builder.AddAgenda();
builder.AddFollowUp();
builder.AddModeration();
builder.AddPlatform();
builder.AddQuestions();
builder.AddFeed();
builder.AddLikes();
builder.AddJoin();

var app = builder.Build();

// Hub connections skip the middlewares they never use (Hosting/HubConnectionPipeline.cs); each
// branch runs the rest of the pipeline inside it, so the order below is the order for every request.
app.UseExceptForHubConnections(web =>
{
    web.UseApiProblems();
    web.UseHttpLogging();
});
app.UseSecurityHeaders();
// A viewer whose page stops reading holds a bounded buffer and is closed (Live/HubSocketSendBuffer.cs).
app.UseHubSocketSendBuffer();
app.UseOriginCheck();
// The viewer cookie is issued with the page itself, so every request and the hub connection that
// follow carry the same viewer id (parallel first requests would otherwise each get a new one).
app.UseAuthentication();
app.UseViewerIdentity();
app.UseExceptForHubConnections(web =>
{
    web.UseDefaultFiles();
    web.UseStaticFiles();
    web.UseRateLimiter();
});
app.UseAuthorization();

app.MapPlatform();
app.MapDiagnostics();
app.MapAuth();
app.MapSessions();
app.MapSessionState();
app.MapSessionAdmin();
app.MapAgenda();
app.MapModeration();
app.MapLive();
app.MapQuestions();
app.MapFeed();
app.MapLikes();
app.MapJoin();
app.MapPolls();
app.MapMembers();
app.MapRoster();
app.MapFollowUp();

app.Run();

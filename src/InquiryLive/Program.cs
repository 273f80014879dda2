using InquiryLive.Accounts;
using InquiryLive.Data;
using InquiryLive.Hosting;
using InquiryLive.Live;
using InquiryLive.Moderation;
using InquiryLive.Sessions;

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
builder.AddModeration();
builder.AddPlatform();

var app = builder.Build();

app.UseApiProblems();
app.UseSecurityHeaders();
app.UseHttpLogging();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseViewerIdentity();
app.UseRateLimiter();
app.UseAuthorization();

app.MapPlatform();
app.MapAuth();
app.MapSessions();
app.MapSessionState();
app.MapModeration();
app.MapLive();

app.Run();

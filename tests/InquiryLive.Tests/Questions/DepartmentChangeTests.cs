using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InquiryLive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InquiryLive.Tests.Questions;

/// <summary>The department list the intake keeps for a moment never lets a question name a department that is gone.</summary>
public sealed class DepartmentChangeTests
{
    [Fact]
    public async Task ADepartmentAddedAMomentAgo_CanBeChosen_AndOneRemovedAMomentAgo_IsRefusedWithNoRow()
    {
        using var app = new InquiryApp();
        var sessionId = await app.DemoSessionId();
        var viewer = await app.NewViewer();
        await viewer.AskOk(sessionId, "先问一个，让本场的部门列表被读到");

        using var admin = await app.SignedIn("admin");
        var added = await admin.PostAsJsonAsync($"/api/sessions/{sessionId}/departments", new { name = "市数据局", headTitle = "局长" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var departmentId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var first = await viewer.Ask(sessionId, new { id = Guid.NewGuid(), text = "数据共享何时落地？", departmentId });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        // Removed behind the intake's back (no question uses it yet once the first is reassigned).
        await app.Db(async db =>
        {
            await db.Questions.Where(q => q.DepartmentId == departmentId).ExecuteUpdateAsync(u => u.SetProperty(q => q.DepartmentId, (int?)null));
            return await db.Departments.Where(d => d.Id == departmentId).ExecuteDeleteAsync();
        });
        var refusedId = Guid.NewGuid();
        var refused = await viewer.Ask(sessionId, new { id = refusedId, text = "这个部门还在吗？", departmentId });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("应询部门", await refused.Content.ReadAsStringAsync());
        Assert.False(await app.Db(db => db.Questions.AnyAsync(q => q.Id == refusedId)));
    }
}

using InquiryLive.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace InquiryLive.Hosting;

/// <summary>
/// Every error is a ProblemDetails body in the caller's language (Accept-Language "en…" gives
/// English, anything else Chinese): domain rule breaks (409/404/400), malformed JSON (400),
/// anonymous or wrong role (401/403), oversized bodies (413). Never a bare 500 with a stack.
/// </summary>
public static class ApiProblems
{
    public const long MaxBodyBytes = 64 * 1024;

    public static bool PrefersEnglish(this HttpContext http) =>
        http.Request.Headers.AcceptLanguage.ToString().TrimStart().StartsWith("en", StringComparison.OrdinalIgnoreCase);

    public static WebApplicationBuilder AddApiProblems(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            var english = c.HttpContext.PrefersEnglish();
            c.ProblemDetails.Extensions["traceId"] = c.HttpContext.TraceIdentifier;
            if (c.ProblemDetails.Detail is null && StatusText(c.ProblemDetails.Status ?? 500, english) is { } text)
            {
                c.ProblemDetails.Detail = text;
            }
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = MaxBodyBytes);
        return builder;
    }

    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Refuse a declared oversized body before reading it; Kestrel enforces the same limit while reading.
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > MaxBodyBytes)
            {
                await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = MaxBodyBytes;
            }
            await next();
        });
        return app;
    }

    internal static string? StatusText(int status, bool english) => status switch
    {
        400 => english ? "The request is malformed or invalid." : "请求格式不正确或内容无效。",
        401 => english ? "Please sign in first." : "请先登录。",
        403 => english ? "Your account may not do this." : "您的账号无权执行此操作。",
        404 => english ? "Not found." : "未找到请求的内容。",
        405 => english ? "This method is not allowed here." : "不支持该请求方式。",
        409 => english ? "This conflicts with the current state." : "与当前状态冲突。",
        413 => english ? "The request is too large." : "提交的内容过大。",
        415 => english ? "Send JSON (Content-Type: application/json)." : "请以 JSON 格式提交（Content-Type: application/json）。",
        429 => english ? "Too many requests; please wait a moment." : "操作过于频繁，请稍后再试。",
        500 => english ? "Something went wrong on our side." : "服务器出现错误，请稍后再试。",
        _ => null,
    };

    private sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
        {
            // Since .NET 10 the exception handler middleware no longer logs what a handler took care
            // of: without this line a 500 would leave no trace in the log.
            if (exception is not (DomainException or BadHttpRequestException))
            {
                logger.LogError(exception, "{Method} {Path} failed", http.Request.Method, http.Request.Path);
            }
            var english = http.PrefersEnglish();
            ProblemDetails problem = exception switch
            {
                DomainException d => new ProblemDetails { Status = d.Status, Detail = d.MessageIn(english), Extensions = { ["code"] = d.Code } },
                BadHttpRequestException b => new ProblemDetails { Status = b.StatusCode },
                _ => new ProblemDetails { Status = 500 },
            };
            http.Response.StatusCode = problem.Status!.Value;
            return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
        }
    }
}

using Microsoft.AspNetCore.Http.HttpResults;

namespace InquiryLive.Hosting;

/// <summary>
/// Collects field errors of one request in the caller's language; any error means a 400
/// ValidationProblem and nothing written.
/// </summary>
public sealed class InputErrors(HttpContext http)
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private readonly bool _english = http.PrefersEnglish();

    public bool Any => _errors.Count > 0;

    public InputErrors Require(bool ok, string field, string zh, string en)
    {
        if (!ok) Add(field, zh, en);
        return this;
    }

    public InputErrors Add(string field, string zh, string en)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(_english ? en : zh);
        return this;
    }

    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
        detail: _english ? "Please correct the fields listed in errors." : "请按提示修改后再提交。",
        title: _english ? "Invalid input" : "输入有误");
}

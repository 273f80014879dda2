using InquiryLive.Agenda;
using InquiryLive.Domain.Sessions;
using InquiryLive.Sessions;

namespace InquiryLive.Data.Seeding;

/// <summary>The content of the demo inquiry: a property-management topic, five departments, an agenda.</summary>
internal static class DemoInquiry
{
    public static InquirySession Session(DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        Title = "关于全市物业管理服务工作情况的专题询问",
        Topic = "物业管理服务",
        Description = "市人大常委会第二十三次会议联组会议，围绕住宅小区物业服务质量、维修资金使用、业主委员会组建等问题开展专题询问。",
        ScheduledStart = now.Date.AddDays(1).AddHours(1.5),
        State = SessionState.OpenForQuestions,
        CreatedAt = now,
        Departments =
        [
            new Department { Name = "市住房和城乡建设局", HeadTitle = "局长", Order = 1 },
            new Department { Name = "市市场监督管理局", HeadTitle = "局长", Order = 2 },
            new Department { Name = "市城市管理局", HeadTitle = "局长", Order = 3 },
            new Department { Name = "市发展和改革委员会", HeadTitle = "主任", Order = 4 },
            new Department { Name = "市民政局", HeadTitle = "局长", Order = 5 },
        ],
    };

    public static IEnumerable<AgendaItem> Agenda(Guid sessionId, IReadOnlyList<Department> d)
    {
        (string Name, QuestionerKind Kind, int Dept, string Subject)[] items =
        [
            ("刘志强 委员", QuestionerKind.Member, 0, "老旧小区物业服务覆盖率低，如何推进专业化物业管理全覆盖？"),
            ("周慧敏 委员", QuestionerKind.Member, 1, "物业服务收费不透明、质价不符，价格监管如何加强？"),
            ("孙立新 代表", QuestionerKind.Deputy, 0, "住宅专项维修资金申请难、使用慢，如何简化流程？"),
            ("赵雪梅 委员", QuestionerKind.Member, 2, "小区违章搭建和占用消防通道问题如何形成执法合力？"),
            ("吴海涛（市民代表）", QuestionerKind.CitizenRepresentative, 4, "业主委员会组建难、运转难，街道社区如何指导支持？"),
            ("郑国华 委员", QuestionerKind.Member, 3, "物业服务价格形成机制如何完善，兼顾业主和企业利益？"),
        ];
        return items.Select((item, i) => new AgendaItem
        {
            SessionId = sessionId,
            Order = i + 1,
            QuestionerName = item.Name,
            QuestionerKind = item.Kind,
            DepartmentId = d[item.Dept].Id,
            Subject = item.Subject,
        });
    }

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林"];
    private static readonly string[] Given = ["建华", "秀英", "志刚", "丽娟", "海燕", "文杰", "国庆", "红梅", "晓东", "玉兰", "明辉", "淑芬", "永强", "春霞", "德胜", "桂芳", "振宇", "慧琳", "立军", "婷婷"];

    public static string[] MemberNames(int count) =>
        Enumerable.Range(0, count).Select(i => Surnames[i % Surnames.Length] + Given[(i * 7) % Given.Length]).ToArray();
}

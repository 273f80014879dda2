namespace InquiryLive.Sessions;

/// <summary>A department answering in the session (应询部门), e.g. 市农业农村局 with its head's title.</summary>
public sealed class Department
{
    public int Id { get; set; }
    public Guid SessionId { get; set; }
    public required string Name { get; set; }
    public string HeadTitle { get; set; } = "";
    public int Order { get; set; }
}

namespace InquiryLive.Accounts;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Moderator = "Moderator";
    public const string Chair = "Chair";
    public const string Clerk = "Clerk";
    public const string Member = "Member";

    public static readonly string[] All = [Admin, Moderator, Chair, Clerk, Member];
}

/// <summary>
/// Every endpoint and hub method names one of these. Admin may do everything staff may do.
/// "Public" is explicit: anonymous viewers allowed, with the viewer cookie.
/// </summary>
public static class Policies
{
    public const string Public = "Public";
    public const string Staff = "Staff";
    public const string Moderation = "Moderation";
    public const string ChairOnly = "Chair";
    public const string ClerkWork = "Clerk";
    public const string AdminOnly = "Admin";
    public const string MemberVoting = "Member";
    /// <summary>Anyone signed in with an account (staff or member).</summary>
    public const string SignedIn = "SignedIn";
}

namespace Asystent.Bot.Handoff;

/// <summary>How conversations reach a person (section "Handoff").</summary>
public sealed class HandoffOptions
{
    public const string SectionName = "Handoff";

    /// <summary>The unit that takes conversations no other unit can: the information desk.</summary>
    public string InformationDesk { get; set; } = "BOM";

    /// <summary>
    /// Off: residents join a queue only in the unit's opening hours, otherwise they are offered a
    /// callback. On: whenever a clerk of the unit is signed in to the console (an evening duty desk).
    /// </summary>
    public bool LiveChatOutsideHours { get; set; }

    /// <summary>How long one conversation with a clerk takes before the office has its own figures (the wait estimate).</summary>
    public int MinutesPerConversation { get; set; } = 5;
}

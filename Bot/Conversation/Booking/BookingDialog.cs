namespace Asystent.Bot.Conversation.Booking;

/// <summary>
/// Where a booking, moving or cancelling conversation stands. The person's name, contact and visit
/// code are kept only while the dialogue runs and dropped when it ends, whichever way it ends.
/// </summary>
public sealed record BookingDialog(
    string Step,
    string Action,
    string? Service = null,
    IReadOnlyList<DateTimeOffset>? Offered = null,
    DateTimeOffset? Start = null,
    string? Name = null,
    string? Phone = null,
    string? Email = null,
    string? Code = null,
    int Retries = 0,
    string? Wish = null);

internal static class BookingSteps
{
    public const string Service = "service";
    public const string Slot = "slot";
    public const string Day = "day";
    public const string Name = "name";
    public const string Contact = "contact";
    public const string Confirm = "confirm";
    public const string Code = "code";
    public const string Verify = "verify";
    public const string ConfirmCancel = "confirm_cancel";
    public const string ConfirmMove = "confirm_move";
}

internal static class BookingActions
{
    public const string Book = "book";
    public const string Cancel = "cancel";
    public const string Move = "move";
}

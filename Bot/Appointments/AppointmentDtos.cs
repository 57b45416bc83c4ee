namespace Asystent.Bot.Appointments;

public sealed record ServiceDto(string Service, string Unit, string Title, int SlotMinutes, int Windows);

public sealed record SlotDto(DateTimeOffset Start, DateTimeOffset End, int Free);

/// <summary>A booking as posted. Strings throughout, so a wrong value gets a field-by-field answer instead of a parse error.</summary>
public sealed record BookVisitDto(string? Service, string? Start, string? Name, string? Phone, string? Email, string? Language);

public sealed record MoveVisitDto(string? Start, string? Phone, string? Email);

public sealed record BookedDto(string Code, string Service, DateTimeOffset Start, DateTimeOffset End, string IcsUrl);

public sealed record VisitDto(string Code, string Service, string Title, string Status, DateTimeOffset Start, DateTimeOffset End, string Name, string Language);

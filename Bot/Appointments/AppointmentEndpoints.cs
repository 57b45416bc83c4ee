using System.Globalization;
using System.Text.Json;
using Asystent.Bot.Hosting;
using Asystent.KnowledgeBase;
using Asystent.KnowledgeBase.Appointments;
using Asystent.KnowledgeBase.Cases;
using Asystent.KnowledgeBase.Languages;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Asystent.Bot.Appointments;

/// <summary>
/// Booking visits over HTTP (contracts.md, "Appointments"): services, free slots, book, look up,
/// cancel, move, and the calendar file. A wrong code and a wrong phone look the same (404), so the
/// API does not tell anyone which codes exist.
/// </summary>
public static class AppointmentEndpoints
{
    private const int MaxBodyBytes = 4096;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapAppointmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/appointments").RequireRateLimiting(HostingModule.ApiRateLimitPolicy).WithTags("Appointments");
        group.MapGet("/services", Services).WithName("ListBookableServices").WithSummary("The services visits can be booked for.");
        group.MapGet("/slots", Slots).WithName("FreeSlots").WithSummary("Free slots of a service between two days (office time).")
            .ProducesValidationProblem();
        group.MapPost("/", Book).WithName("BookVisit").WithSummary("Books a visit; the answer carries its code and calendar file link.")
            .Accepts<BookVisitDto>("application/json").Produces<BookedDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{code}", Find).WithName("GetVisit").WithSummary("A visit, given its code and the phone or e-mail it was booked with.")
            .Produces<VisitDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesValidationProblem();
        group.MapDelete("/{code}", Cancel).WithName("CancelVisit").WithSummary("Cancels a visit (code plus the phone or e-mail it was booked with).")
            .Produces<VisitDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesValidationProblem();
        group.MapPost("/{code}/move", Move).WithName("MoveVisit").WithSummary("Moves a visit to another free slot.")
            .Accepts<MoveVisitDto>("application/json").Produces<VisitDto>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesValidationProblem();
        group.MapGet("/{code}/calendar.ics", CalendarFile).WithName("VisitCalendarFile").WithSummary("The visit as an iCalendar file.")
            .Produces(StatusCodes.Status200OK, contentType: AppointmentCalendarFile.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static Results<Ok<List<ServiceDto>>, ValidationProblem> Services(string? lang, AppointmentBook book)
    {
        var errors = new Dictionary<string, string[]>();
        var language = QueryValidation.Language(lang, errors) ?? Language.Pl;
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid request");
        }

        return TypedResults.Ok(book.Services.Select(s => new ServiceDto(s.Id, s.Unit, s.Title.Best(language), s.SlotMinutes, s.Windows)).ToList());
    }

    public static async Task<Results<Ok<List<SlotDto>>, ValidationProblem>> Slots(string? service, string? from, string? to, AppointmentBook book, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var queue = string.IsNullOrWhiteSpace(service) ? null : book.Service(service);
        if (queue is null)
        {
            errors["service"] = [string.IsNullOrWhiteSpace(service) ? "Say which service: see /api/appointments/services." : $"'{Shorten(service!)}' is not a bookable service; see /api/appointments/services."];
        }

        var today = book.Calendar.Today(clock.GetUtcNow());
        var first = Day(from, "from", today, errors);
        var last = Day(to, "to", first.AddDays(6), errors);
        if (errors.Count == 0 && last < first)
        {
            errors["to"] = ["'to' must not be before 'from'."];
        }
        else if (errors.Count == 0 && last.DayNumber - first.DayNumber >= AppointmentBook.MaxSearchDays)
        {
            errors["to"] = [$"Ask for at most {AppointmentBook.MaxSearchDays} days at a time."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid request");
        }

        var slots = await book.FreeSlotsAsync(queue!, first, last, cancellationToken);
        return TypedResults.Ok(slots.Select(s => new SlotDto(s.Start, s.End, s.Free)).ToList());
    }

    public static async Task<IResult> Book(HttpRequest request, AppointmentBook book, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (dto, bodyProblem) = await JsonBody.ReadAsync<BookVisitDto>(request, MaxBodyBytes, Json);
        if (dto is null)
        {
            return BodyProblem(bodyProblem);
        }

        var errors = new Dictionary<string, string[]>();
        var start = Start(dto.Start, book, errors);
        var language = QueryValidation.Language(dto.Language, errors) ?? Language.Pl;
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid booking");
        }

        var result = await book.BookAsync(new BookingRequest(dto.Service, start, dto.Name, dto.Phone, dto.Email, language, "api"), cancellationToken);
        if (!result.Succeeded)
        {
            return Problem(result);
        }

        var visit = result.Visit!;
        loggers.CreateLogger(typeof(AppointmentEndpoints)).LogInformation("A visit to {Service} at {Start} was booked through the API", visit.QueueId, visit.StartsAt);
        return TypedResults.Created($"/api/appointments/{visit.Code}",
            new BookedDto(visit.Code, visit.QueueId, book.InOfficeTime(visit.StartsAt), book.InOfficeTime(visit.EndsAt), IcsUrl(request, visit)));
    }

    public static async Task<IResult> Find(string code, string? phone, string? email, HttpContext http, AppointmentBook book, FailedAttempts failures, CancellationToken cancellationToken)
    {
        if (Contact(phone, email) is not { } contact)
        {
            return ContactMissing();
        }

        var keys = FailureKeys(http, code);
        if (failures.RetryAfter(keys) is { } wait)
        {
            return TooManyAttempts.Problem(http, wait);
        }

        if (await book.FindAsync(code, contact, cancellationToken) is { } visit)
        {
            return TypedResults.Ok(Visit(visit, book));
        }

        failures.Fail(keys);
        return NotFound();
    }

    public static async Task<IResult> Cancel(string code, string? phone, string? email, HttpContext http, AppointmentBook book, FailedAttempts failures, CancellationToken cancellationToken)
    {
        if (Contact(phone, email) is not { } contact)
        {
            return ContactMissing();
        }

        var keys = FailureKeys(http, code);
        if (failures.RetryAfter(keys) is { } wait)
        {
            return TooManyAttempts.Problem(http, wait);
        }

        var result = await book.CancelAsync(code, contact, "api", cancellationToken);
        return result.Succeeded ? TypedResults.Ok(Visit(result.Visit!, book)) : Counted(result, failures, keys);
    }

    // A wrong code or a wrong contact counts against the address (shared with the chat and the phone) and the code.
    private static string[] FailureKeys(HttpContext http, string code) =>
        [FailedAttempts.Address(ClientAddress.Of(http)), $"visit:{BookingCode.Normalize(code) ?? code.ToUpperInvariant()}"];

    private static IResult Counted(BookingResult result, FailedAttempts failures, string[] keys)
    {
        if (result.Error == BookingError.NotFound)
        {
            failures.Fail(keys);
        }

        return Problem(result);
    }

    public static async Task<IResult> Move(string code, HttpRequest request, AppointmentBook book, FailedAttempts failures, CancellationToken cancellationToken)
    {
        var (dto, bodyProblem) = await JsonBody.ReadAsync<MoveVisitDto>(request, MaxBodyBytes, Json);
        if (dto is null)
        {
            return BodyProblem(bodyProblem);
        }

        var errors = new Dictionary<string, string[]>();
        var start = Start(dto.Start, book, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Invalid request");
        }

        if (Contact(dto.Phone, dto.Email) is not { } contact)
        {
            return ContactMissing();
        }

        var keys = FailureKeys(request.HttpContext, code);
        if (failures.RetryAfter(keys) is { } wait)
        {
            return TooManyAttempts.Problem(request.HttpContext, wait);
        }

        var result = await book.MoveAsync(code, contact, start, "api", cancellationToken);
        return result.Succeeded ? TypedResults.Ok(Visit(result.Visit!, book)) : Counted(result, failures, keys);
    }

    public static async Task<IResult> CalendarFile(string code, string? token, AppointmentBook book, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(token) || await book.CalendarFileAsync(code, token, cancellationToken) is not { } ics
            ? NotFound()
            : TypedResults.Text(ics, AppointmentCalendarFile.ContentType, System.Text.Encoding.UTF8);

    public static string IcsUrl(HttpRequest request, AppointmentRecord visit) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}/api/appointments/{visit.Code}/calendar.ics?token={visit.CalendarToken}";

    private static VisitDto Visit(AppointmentRecord visit, AppointmentBook book) => new(
        visit.Code, visit.QueueId, book.Service(visit.QueueId)?.Title.Best(Languages.TryParse(visit.Language, out var l) ? l : Language.Pl) ?? visit.QueueId,
        visit.Status, book.InOfficeTime(visit.StartsAt), book.InOfficeTime(visit.EndsAt), visit.Name, visit.Language);

    /// <summary>A slot start as the slots list gives it; without an offset it is read as office time.</summary>
    private static DateTimeOffset Start(string? text, AppointmentBook book, Dictionary<string, string[]> errors)
    {
        // Read without its offset first: a year outside the office's dates is refused before any
        // offset is applied (0001-01-01T00:00+01:00 has no UTC time).
        var withoutOffset = text is { Length: > 6 } && (text[^6] is '+' or '-') ? text[..^6] : text;
        if (DateTime.TryParseExact(withoutOffset, ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var bare) && !OfficeDates.Contains(bare))
        {
            errors["start"] = [$"The start must be a day {OfficeDates.Range}."];
            return default;
        }

        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mmzzz"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
        {
            return exact;
        }

        if (DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, book.Calendar.Zone.GetUtcOffset(local));
        }

        errors["start"] = ["Give the slot's start as in the slots list, e.g. 2026-12-01T09:00:00+01:00."];
        return default;
    }

    private static DateOnly Day(string? text, string field, DateOnly fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (OfficeDates.Contains(day))
            {
                return day;
            }

            errors[field] = [$"'{field}' must be a day {OfficeDates.Range}."];
            return fallback;
        }

        errors[field] = [$"'{Shorten(text)}' is not a date; use YYYY-MM-DD."];
        return fallback;
    }

    private static ContactDetails? Contact(string? phone, string? email) => ContactDetails.Parse(phone, email).Contact;

    private static ValidationProblem ContactMissing() => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["phone"] = ["Give the phone number (or e-mail address) the visit was booked with."] },
        title: "Invalid request");

    private static ProblemHttpResult NotFound() => TypedResults.Problem(
        title: "No such visit",
        detail: "There is no visit with this code and this phone number or e-mail address. Check both and try again.",
        statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult BodyProblem(JsonBodyProblem problem) => problem == JsonBodyProblem.TooLarge
        ? TypedResults.Problem(title: "Request too large", detail: $"The body may have at most {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge)
        : TypedResults.Problem(title: "Malformed JSON", detail: "The body must be a JSON object with the fields described in the API documentation.", statusCode: StatusCodes.Status400BadRequest);

    private static IResult Problem(BookingResult result) => result.Error switch
    {
        BookingError.Invalid or BookingError.UnknownService => TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [result.Detail!.Split(':')[0]] = [result.Detail] }, title: "Invalid booking"),
        BookingError.SlotFull => TypedResults.Problem(title: "Slot taken",
            detail: "This time has just been booked by someone else. Choose another free slot.", statusCode: StatusCodes.Status409Conflict),
        BookingError.ClosedDay => Unprocessable("Office closed", "The office does not receive visitors for this service on that day (a holiday, a closure or a day without hours)."),
        BookingError.InThePast => Unprocessable("Too soon", "This time has passed or is too soon to book; choose a later slot."),
        BookingError.BeyondHorizon => Unprocessable("Too far ahead", "Visits for this service cannot be booked that far ahead yet."),
        BookingError.NotASlotStart => Unprocessable("Not a slot", "Visits start at the times in the slots list; choose one of them."),
        BookingError.AlreadyTookPlace => Unprocessable("Visit over", "This visit has already taken place and cannot be changed."),
        BookingError.Cancelled => Unprocessable("Visit cancelled", "This visit has been cancelled; book a new one instead."),
        _ => NotFound(),
    };

    private static ProblemHttpResult Unprocessable(string title, string detail) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

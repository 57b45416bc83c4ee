using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Asystent.Bot.Channels.Voice;

namespace Asystent.Bot.IntegrationTests;

/// <summary>
/// Makes the hostile requests of <see cref="HostileInputTests"/>: request n is of kind n mod the
/// number of kinds, its details drawn from a generator seeded with n (so a failure can be replayed).
/// </summary>
internal sealed class HostileRequests(string secret, string service, string code, string conversationId, string conversationToken)
{
    public const string VoiceToken = "hostile-voice-auth-token";
    public const string VoicePublicUrl = "https://asystent.example";
    public const string CasesKey = "hostile-cases-import-key";

    private static readonly string[] Garbage =
    [
        "", " ", "-1", "0", "99999999999999999999", "1e308", "NaN", "null", "abc", "%00", "\u0000", "😀", "../../etc/passwd", "' OR 1=1 --",
        "<script>alert(1)</script>", "\u202e", "9999-12-31", "0001-01-01", "2026-02-30", "2026-13-01", "+", "[]", "{}", new string('x', 3000),
    ];

    // Built on first use: the kinds use this instance's conversation and credentials.
    private (string Kind, Func<Random, HttpRequestMessage> Make)[] Kinds => field ??=
    [
        ("search", r => Get($"/api/search?q={Any(r)}&top={Any(r)}&lang={Any(r)}")),
        ("intent", r => Get($"/api/intent?q={Any(r)}")),
        ("cards", r => Get($"/api/cards/{Any(r)}?lang={Any(r)}")),
        ("slots", r => Get($"/api/appointments/slots?service={(r.Next(2) == 0 ? service : Any(r))}&from={Date(r)}&to={Date(r)}")),
        ("book", r => Post("/api/appointments", BookingBody(r, service))),
        ("visit", r => new HttpRequestMessage(r.Next(2) == 0 ? HttpMethod.Get : HttpMethod.Delete, $"/api/appointments/{(r.Next(3) == 0 ? code : Any(r))}?phone={Any(r)}&email={Any(r)}")),
        ("move", r => Post($"/api/appointments/{(r.Next(2) == 0 ? code : Any(r))}/move", $$"""{"start":"{{Moment(r)}}","phone":"{{Any(r)}}"}""")),
        ("calendar", r => Get($"/api/appointments/{Any(r)}/calendar.ics?token={Any(r)}")),
        ("case-status", r => Post("/api/cases/status", r.Next(2) == 0 ? Json(r) : $$"""{"caseNumber":"KT.5410.{{r.Next()}}.{{r.Next(1, 9999)}}","code":"{{Any(r)}}","language":"{{Any(r)}}"}""")),
        ("case-import", CaseImport),
        ("voice", Voice),
        ("directline-post", DirectLinePost),
        ("directline-read", DirectLineRead),
        ("directline-start", r => WithBearer(Post("/v3/directline/" + (r.Next(2) == 0 ? "conversations" : "tokens/" + Any(r)), Json(r)), r.Next(2) == 0 ? secret : Any(r))),
        ("connector", r => Post("/api/messages", Json(r))),
        ("messenger", r => r.Next(2) == 0 ? Get($"/api/messenger?hub.mode={Any(r)}&hub.verify_token={Any(r)}&hub.challenge={Any(r)}") : Post("/api/messenger", Json(r))),
        ("pages", r => Get(new[] { "/admin", "/admin/cards", "/admin/gaps", "/clerk", "/staff", "/search", "/" }[r.Next(7)] + $"?from={Date(r)}&to={Date(r)}&date={Date(r)}&q={Any(r)}&unit={Any(r)}")),
        ("paths", r => new HttpRequestMessage(new[] { HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete, HttpMethod.Options }[r.Next(6)],
            "/x/" + string.Join('/', Enumerable.Range(0, r.Next(1, 5)).Select(_ => Uri.EscapeDataString(Short(Any(r))))))),
    ];

    public (string Kind, HttpRequestMessage Request) Make(int n)
    {
        var (kind, make) = Kinds[n % Kinds.Length];
        return (kind, make(new Random(n)));
    }

    private HttpRequestMessage DirectLinePost(Random r)
    {
        var body = r.Next(8) switch
        {
            0 => "{\"type\":\"message\",\"text\":\"" + new string('ą', 2500) + "\"}",
            1 => "{\"type\":\"message\",\"text\":\"hej\",\"channelData\":{\"blob\":\"" + new string('x', 40_000) + "\"}}",
            2 => "{\"type\":\"message\",\"text\":\"hej\",\"channelId\":\"" + Escape(Any(r)) + "\"}",
            3 => "{\"text\":\"no type\"}",
            4 => Json(r),
            _ => "{\"type\":\"message\",\"text\":\"" + Escape(Any(r)) + "\"}",
        };
        var target = r.Next(4) == 0 ? Any(r) : conversationId;
        var credential = r.Next(5) switch { 0 => Any(r), 1 => secret, _ => conversationToken };
        return WithBearer(Post($"/v3/directline/conversations/{Uri.EscapeDataString(target)}/activities", body), credential);
    }

    private HttpRequestMessage DirectLineRead(Random r)
    {
        var target = r.Next(4) == 0 ? Uri.EscapeDataString(Any(r)) : conversationId;
        var path = r.Next(3) == 0 ? $"/v3/directline/conversations/{target}" : $"/v3/directline/conversations/{target}/activities";
        return WithBearer(Get($"{path}?watermark={Uri.EscapeDataString(Any(r))}"), r.Next(3) == 0 ? Any(r) : conversationToken);
    }

    private static HttpRequestMessage CaseImport(Random r)
    {
        var request = r.Next(2) == 0
            ? Post("/api/cases/import", $$"""[{"caseNumber":"KT.5410.{{r.Next(1, 999)}}.2026","unit":"KT","service":"rejestracja-pojazdu","status":"received","statusDate":"{{Moment(r)}}","filedDate":"{{Date(r)}}","code":"{{Escape(Any(r))}}"}]""")
            : new HttpRequestMessage(HttpMethod.Post, "/api/cases/import")
            {
                Content = new StringContent($"caseNumber,unit,service,status,statusDate,filedDate,code\nKT.5410.{r.Next(1, 999)}.2026,KT,x,received,{Date(r)},{Moment(r)},{Any(r).Replace(',', ' ')}\n", Encoding.UTF8, "text/csv"),
            };
        request.Headers.TryAddWithoutValidation("X-Api-Key", r.Next(4) == 0 ? HeaderSafe(Any(r)) : CasesKey);
        return request;
    }

    private static HttpRequestMessage Voice(Random r)
    {
        var path = $"/api/voice?step={Uri.EscapeDataString(new[] { "language", "menu", "choice", "question", "after", "confirm", "callback", "case_number", "case_code", "visit_menu", "visit_code", Any(r) }[r.Next(12)])}&lang={Uri.EscapeDataString(Any(r))}&card={Uri.EscapeDataString(Any(r))}";
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        switch (r.Next(6))
        {
            case 0:
                request.Content = new MultipartFormDataContent { { new StringContent("CA123"), "CallSid" }, { new ByteArrayContent(new byte[5000]), "file", "a.bin" } };
                return request;
            case 1:
                request.Content = new StringContent(string.Join('&', Enumerable.Range(0, 1024).Select(i => $"f{i}=1")), Encoding.UTF8, "application/x-www-form-urlencoded");
                return request;
            case 2:
                request.Content = new StringContent("Digits=" + new string('1', 20_000), Encoding.UTF8, "application/x-www-form-urlencoded");
                return request;
            default:
                // Well-formed and correctly signed: the handler itself meets odd digits and speech.
                var fields = new Dictionary<string, string>
                {
                    ["CallSid"] = "CA" + r.Next(), ["From"] = r.Next(2) == 0 ? "+48600123456" : Any(r), ["To"] = "+48321234567",
                    ["Digits"] = r.Next(2) == 0 ? r.Next(0, 10).ToString(CultureInfo.InvariantCulture) : Any(r), ["SpeechResult"] = Any(r), ["Confidence"] = Any(r),
                };
                request.Content = new FormUrlEncodedContent(fields);
                if (r.Next(4) != 0)
                {
                    request.Headers.Add("X-Twilio-Signature", TwilioSignature.Compute(VoiceToken, VoicePublicUrl + path, fields));
                }

                return request;
        }
    }

    private static string BookingBody(Random r, string service) => r.Next(4) switch
    {
        0 => Json(r),
        1 => $$"""{"service":"{{service}}","start":{{r.Next()}},"name":["x"],"phone":[1]}""",
        _ => $$"""{"service":"{{(r.Next(2) == 0 ? service : Escape(Any(r)))}}","start":"{{Moment(r)}}","name":"{{Escape(Any(r))}}","phone":"{{Escape(Any(r))}}","language":"{{Escape(Any(r))}}"}""",
    };

    /// <summary>A date anywhere on the calendar (or not a date at all).</summary>
    private static string Date(Random r) => r.Next(5) == 0
        ? Uri.EscapeDataString(Any(r))
        : $"{new[] { 1, 2, 1999, 2026, 2027, 2199, 2200, 9998, 9999 }[r.Next(9)]:D4}-{r.Next(1, 13):D2}-{r.Next(1, 32):D2}";

    private static string Moment(Random r) =>
        $"{Date(r)}T{r.Next(0, 25):D2}:{r.Next(0, 61):D2}{(r.Next(3) == 0 ? "" : ":00")}{new[] { "", "+01:00", "-14:00", "+14:00", "Z", "+99:99" }[r.Next(6)]}";

    /// <summary>Malformed, truncated, deep or odd JSON.</summary>
    private static string Json(Random r) => r.Next(7) switch
    {
        0 => "{",
        1 => new string('[', 5000) + new string(']', 5000),
        2 => "\"just a string\"",
        3 => "{\"a\":" + r.Next() + ",\"b\":[1,2,{\"c\":null}]}",
        4 => "{\"type\":\"message\",\"text\":\"" + Escape(Any(r)) + "\"}",
        5 => new string(' ', 100_000) + "{}",
        _ => Any(r),
    };

    private static string Any(Random r) => r.Next(4) == 0 ? new string((char)r.Next(32, 0xD7FF), r.Next(1, 50)) : Garbage[r.Next(Garbage.Length)];

    private static string Short(string text) => text.Length <= 40 ? text : text[..40];

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\u0000", "", StringComparison.Ordinal);

    // A header can only carry printable ASCII; anything else would fail in the client, not the server.
    private static string HeaderSafe(string text) => new(text.Where(c => c is >= ' ' and <= '~').ToArray());

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Post(string path, string body) => new(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static HttpRequestMessage WithBearer(HttpRequestMessage request, string credential)
    {
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + HeaderSafe(credential));
        return request;
    }
}

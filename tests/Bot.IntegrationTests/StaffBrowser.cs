using System.Net;
using System.Text.RegularExpressions;

namespace Asystent.Bot.IntegrationTests;

/// <summary>
/// A member of staff's browser without the browser: a cookie jar, sign-in through the form, and the
/// fields of a page's form read as a browser would send them (inputs, checked boxes, text areas).
/// </summary>
internal sealed partial class StaffBrowser(HttpClient client) : IDisposable
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public HttpClient Client => client;

    public static StaffBrowser For(string baseUrl) =>
        new(new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseUrl),
            // A publication builds a whole index generation: minutes on a busy machine.
            Timeout = TimeSpan.FromMinutes(10),
        });

    public async Task<HttpResponseMessage> SignInAsync(string user, string password = AssistantFactory.StaffPassword)
    {
        var token = AntiforgeryToken(await client.GetStringAsync("/staff/signin", Token));
        return await client.PostAsync("/staff/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user, ["password"] = password, ["__RequestVerificationToken"] = token, ["returnUrl"] = "",
        }), Token);
    }

    public static string AntiforgeryToken(string page) => Antiforgery().Match(page).Groups[1].Value;

    /// <summary>The fields the card editor's form would post, as they stand in <paramref name="page"/>.</summary>
    public static Dictionary<string, string> FormFields(string page)
    {
        var form = page[page.IndexOf("<form method=\"post\" id=\"card-form\"", StringComparison.Ordinal)..];
        form = form[..form.IndexOf("</form>", StringComparison.Ordinal)];
        var fields = new Dictionary<string, string>();
        foreach (Match input in Input().Matches(form))
        {
            var tag = input.Value;
            var name = Attribute(tag, "name");
            if (name is null || (tag.Contains("type=\"checkbox\"", StringComparison.Ordinal) && !tag.Contains(" checked", StringComparison.Ordinal)))
            {
                continue;
            }

            fields[name] = WebUtility.HtmlDecode(Attribute(tag, "value") ?? "");
        }

        foreach (Match area in TextArea().Matches(form))
        {
            fields[WebUtility.HtmlDecode(area.Groups[1].Value)] = WebUtility.HtmlDecode(area.Groups[2].Value);
        }

        var kind = KindSelected().Match(form);
        fields["kind"] = kind.Success ? kind.Groups[1].Value : "service";
        var unit = UnitSelected().Match(form);
        fields["unit"] = unit.Success ? WebUtility.HtmlDecode(unit.Groups[1].Value) : "";
        var building = BuildingSelected().Match(form);
        fields["where.building"] = building.Success ? WebUtility.HtmlDecode(building.Groups[1].Value) : "";
        return fields;
    }

    public async Task<(HttpResponseMessage Response, string Body)> PostFormAsync(string url, Dictionary<string, string> fields)
    {
        var response = await client.PostAsync(url, new FormUrlEncodedContent(fields), Token);
        return (response, await response.Content.ReadAsStringAsync(Token));
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return match.Success ? match.Groups[1].Value : null;
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("<textarea\\b[^>]*\\sname=\"([^\"]+)\"[^>]*>([^<]*)</textarea>")]
    private static partial Regex TextArea();

    [GeneratedRegex("<select id=\"kind\"[\\s\\S]*?<option value=\"([a-z]+)\" selected>")]
    private static partial Regex KindSelected();

    [GeneratedRegex("<select id=\"unit\"[\\s\\S]*?<option value=\"([^\"]*)\"[^>]* selected>")]
    private static partial Regex UnitSelected();

    [GeneratedRegex("<select id=\"where.building\"[^>]*>(?:<option[^>]*>[^<]*</option>)*?<option value=\"([^\"]*)\" selected>")]
    private static partial Regex BuildingSelected();
}

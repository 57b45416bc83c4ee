using System.Xml.Linq;

namespace Asystent.Bot.Channels.Voice;

/// <summary>A TwiML response, built from the few verbs the phone line uses (Say, Gather, Redirect, Dial, Hangup).</summary>
public sealed class TwiML
{
    private readonly XElement response = new("Response");

    public TwiML Say(string text, string language)
    {
        response.Add(SayElement(text, language));
        return this;
    }

    /// <summary>Collects keys (and speech, when <paramref name="speech"/>) while saying the prompts; the answer goes to <paramref name="action"/>.</summary>
    public TwiML Gather(string action, string language, IEnumerable<string> prompts, bool speech = false, int? digits = 1, string? hints = null, int timeoutSeconds = 6) =>
        Gather(action, language, prompts.Select(p => (p, language)), speech, digits, hints, timeoutSeconds);

    /// <summary>Collects any number of keys ended by "#" (and speech, when <paramref name="speech"/>): case numbers and codes.</summary>
    public TwiML GatherUntilHash(string action, string language, IEnumerable<string> prompts, bool speech = false, int timeoutSeconds = 10)
    {
        Gather(action, language, prompts.Select(p => (p, language)), speech, digits: null, hints: null, timeoutSeconds);
        var gather = response.Elements("Gather").Last();
        gather.SetAttributeValue("input", speech ? "dtmf speech" : "dtmf");
        gather.SetAttributeValue("finishOnKey", "#");
        return this;
    }

    /// <summary>As above, with each prompt in its own language (the greeting offers four).</summary>
    public TwiML Gather(string action, string language, IEnumerable<(string Text, string Language)> prompts, bool speech = false, int? digits = 1, string? hints = null, int timeoutSeconds = 6)
    {
        var gather = new XElement("Gather",
            new XAttribute("input", speech ? (digits is null ? "speech" : "dtmf speech") : "dtmf"),
            new XAttribute("action", action),
            new XAttribute("method", "POST"),
            new XAttribute("timeout", timeoutSeconds),
            new XAttribute("language", language));
        if (digits is { } n)
        {
            gather.Add(new XAttribute("numDigits", n));
        }

        if (speech)
        {
            gather.Add(new XAttribute("speechTimeout", "auto"));
        }

        if (hints is { Length: > 0 })
        {
            gather.Add(new XAttribute("hints", hints));
        }

        foreach (var (text, promptLanguage) in prompts)
        {
            gather.Add(SayElement(text, promptLanguage));
        }

        response.Add(gather);
        return this;
    }

    public TwiML Redirect(string url)
    {
        response.Add(new XElement("Redirect", new XAttribute("method", "POST"), url));
        return this;
    }

    public TwiML Dial(string number)
    {
        response.Add(new XElement("Dial", number));
        return this;
    }

    /// <summary>Appends the verbs of <paramref name="next"/> (an answer followed by the menu).</summary>
    public TwiML Concat(TwiML next)
    {
        response.Add(next.response.Elements());
        return this;
    }

    public TwiML Hangup()
    {
        response.Add(new XElement("Hangup"));
        return this;
    }

    public override string ToString() => new XDocument(new XDeclaration("1.0", "UTF-8", null), response).Declaration + "\n" + response;

    private static XElement SayElement(string text, string language) => new("Say", new XAttribute("language", language), text);
}

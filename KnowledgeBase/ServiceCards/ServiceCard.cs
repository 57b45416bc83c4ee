namespace Asystent.KnowledgeBase.ServiceCards;

public enum CardKind
{
    Service,
    Redirect,
}

/// <summary>
/// A "karta usługi": one matter a resident brings to the office, as written by staff in one YAML file
/// under content/cards. Polish is complete; other languages may lack fields and fall back.
/// </summary>
public sealed class ServiceCard
{
    public string Id { get; set; } = "";
    public CardKind Kind { get; set; } = CardKind.Service;

    /// <summary>Code of the unit that handles the matter (or, for a redirect, the desk that explains it).</summary>
    public string Unit { get; set; } = "";

    public LocalizedText Title { get; set; } = new();
    public LocalizedText Summary { get; set; } = new();

    /// <summary>Overrides the unit's own location when the matter is handled at a particular room or window.</summary>
    public CardPlace? Where { get; set; }

    public LocalizedList Steps { get; set; } = new();
    public LocalizedList Documents { get; set; } = new();
    public List<CardFee> Fees { get; set; } = [];

    /// <summary>Fines the law sets for missing the matter's deadline (e.g. late registration).</summary>
    public List<CardFee> Fines { get; set; } = [];

    /// <summary>How and where to pay; falls back to the office's general payment rules.</summary>
    public LocalizedText Payment { get; set; } = new();

    /// <summary>How long the office may take (the statutory deadline) and how long it usually takes.</summary>
    public LocalizedText Deadline { get; set; } = new();

    public List<string> LegalBasis { get; set; } = [];
    public CardOnline? Online { get; set; }

    /// <summary>The appointment queue a visit can be booked in, or null when visits are not booked.</summary>
    public string? BookingQueue { get; set; }

    public LocalizedList Keywords { get; set; } = new();
    public List<string> Related { get; set; } = [];

    /// <summary>For redirect cards: which office does handle the matter, and why not this one.</summary>
    public CardRedirect? Redirect { get; set; }

    /// <summary>When the card's facts were last checked against the law, and the sources read.</summary>
    public CardVerification? Verified { get; set; }

    /// <summary>The file the card was read from (not part of the YAML).</summary>
    public string SourceFile { get; set; } = "";
}

public sealed class CardPlace
{
    public string? Building { get; set; }
    public int? Floor { get; set; }
    public string? Room { get; set; }
    public string? Window { get; set; }
    public LocalizedText Note { get; set; } = new();
}

/// <summary>A fee or a fine with the provision that sets it and the days it applies.</summary>
public sealed class CardFee
{
    /// <summary>Amount in PLN; 0 means explicitly free of charge.</summary>
    public decimal Amount { get; set; }
    public LocalizedText For { get; set; } = new();

    /// <summary>Paid only by some (new plates when the number changes): shown with its condition, not in the total.</summary>
    public bool Optional { get; set; }

    /// <summary>
    /// Paid instead of the fee listed first, by some people (a reduced passport fee, a fee by age or
    /// by the kind of extract): shown as an alternative, never added to the total.
    /// </summary>
    public bool Instead { get; set; }

    /// <summary>The act or regulation (with article or Dz.U. position) that sets the amount.</summary>
    public string? Basis { get; set; }

    /// <summary>The first day the amount applies (yyyy-MM-dd).</summary>
    public DateOnly? Since { get; set; }

    /// <summary>The first day the amount no longer applies, when a published change replaces it (yyyy-MM-dd).</summary>
    public DateOnly? Until { get; set; }

    public bool AppliesOn(DateOnly day) => (Since is null || Since <= day) && (Until is null || day < Until);
}

/// <summary>The record of a fact check: the day and what was read (acts, gov.pl pages, BIP cards).</summary>
public sealed class CardVerification
{
    public DateOnly? Date { get; set; }
    public List<string> Sources { get; set; } = [];
}

public sealed class CardOnline
{
    public string? Url { get; set; }
    public LocalizedText Text { get; set; } = new();
}

public sealed class CardRedirect
{
    public LocalizedText Office { get; set; } = new();
    public LocalizedText Why { get; set; } = new();
    public string? Url { get; set; }
}

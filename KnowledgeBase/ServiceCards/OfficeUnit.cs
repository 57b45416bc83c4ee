namespace Asystent.KnowledgeBase.ServiceCards;

/// <summary>A unit of the office (or a county unit elsewhere) with where it sits and when it is open.</summary>
public sealed class OfficeUnit
{
    public string Code { get; set; } = "";
    public LocalizedText Name { get; set; } = new();
    public string Building { get; set; } = "";
    public int Floor { get; set; }
    /// <summary>Room number or range only ("112", "201–210"); words go in <see cref="Note"/>.</summary>
    public string? Room { get; set; }

    /// <summary>Desk (stanowisko) number or range only ("4–12").</summary>
    public string? Window { get; set; }

    public string? Phone { get; set; }
    public string? Email { get; set; }

    /// <summary>Opening hours per weekday ("mon".."sun") as "HH:mm-HH:mm"; a missing day is closed.</summary>
    public Dictionary<string, string> Hours { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public LocalizedText Note { get; set; } = new();

    /// <summary>Other names residents use for the unit ("komunikacja", "paszporty"), in any language.</summary>
    public List<string> Aliases { get; set; } = [];
}

public sealed class OfficeBuilding
{
    public string Code { get; set; } = "";
    public string Address { get; set; } = "";
    public LocalizedText Name { get; set; } = new();
    public LocalizedText Access { get; set; } = new();
}

/// <summary>The office itself: its buildings and units, read from cards/_office.yaml.</summary>
public sealed class OfficeDirectory
{
    public LocalizedText Name { get; set; } = new();
    public string? Website { get; set; }
    public string? Phone { get; set; }
    public string? Epuap { get; set; }
    public LocalizedText Payment { get; set; } = new();
    public List<OfficeBuilding> Buildings { get; set; } = [];
    public List<OfficeUnit> Units { get; set; } = [];

    public OfficeUnit? FindUnit(string code) =>
        Units.FirstOrDefault(u => string.Equals(u.Code, code, StringComparison.OrdinalIgnoreCase));

    public OfficeBuilding? FindBuilding(string code) =>
        Buildings.FirstOrDefault(b => string.Equals(b.Code, code, StringComparison.OrdinalIgnoreCase));
}

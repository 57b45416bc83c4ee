namespace Asystent.KnowledgeBase.ServiceCards.Import;

/// <summary>
/// Names the draft's unit (the one asked for, else the one whose e-mail, phone or name the document
/// gives) and checks the document's building, phone and e-mail against _office.yaml, where the project
/// keeps them: a difference is worth a look, because one of the two is out of date.
/// </summary>
internal static class CardDraftUnit
{
    public static void Resolve(CardDraft draft, string? requested, OfficeDirectory? office, string placeText)
    {
        if (office is null)
        {
            draft.Unit = requested;
            return;
        }

        OfficeUnit? unit;
        if (requested is { Length: > 0 })
        {
            unit = office.FindUnit(requested);
            if (unit is null)
            {
                draft.Warnings.Add($"there is no unit '{requested}' in _office.yaml; the draft names it all the same");
            }

            draft.Unit = unit?.Code ?? requested;
        }
        else
        {
            unit = Guess(draft.Contact, office, placeText, out var how);
            draft.Unit = unit?.Code;
            if (unit is not null)
            {
                draft.Warnings.Add($"the unit {unit.Code} was chosen by {how}; check it");
            }
        }

        if (draft.Place?.Building is { } building && office.FindBuilding(building) is null)
        {
            draft.Warnings.Add($"the document names building '{building}', which _office.yaml does not list; where.building was left out");
            draft.Place = draft.Place with { Building = null };
        }

        if (unit is null)
        {
            return;
        }

        if (unit.Phone is { } phone && draft.Contact.Phones.Count > 0
            && !draft.Contact.Phones.Any(p => CardContactReader.DigitsOf(p) == CardContactReader.DigitsOf(phone)))
        {
            draft.Warnings.Add($"the document gives the phone {string.Join(", ", draft.Contact.Phones)}; the unit {unit.Code} in _office.yaml has {phone}; check which is current");
        }

        if (unit.Email is { } email && draft.Contact.Emails.Count > 0
            && !draft.Contact.Emails.Contains(email, StringComparer.OrdinalIgnoreCase))
        {
            draft.Warnings.Add($"the document gives the e-mail {string.Join(", ", draft.Contact.Emails)}; the unit {unit.Code} in _office.yaml has {email}; check which is current");
        }
    }

    private static OfficeUnit? Guess(ImportedContact contact, OfficeDirectory office, string placeText, out string how)
    {
        how = "";
        var byEmail = office.Units.FirstOrDefault(u => u.Email is { } e && contact.Emails.Contains(e, StringComparer.OrdinalIgnoreCase));
        if (byEmail is not null)
        {
            how = $"its e-mail address {byEmail.Email}";
            return byEmail;
        }

        var phones = contact.Phones.Select(CardContactReader.DigitsOf).ToHashSet();
        var byPhone = office.Units.FirstOrDefault(u => u.Phone is { } p && phones.Contains(CardContactReader.DigitsOf(p)));
        if (byPhone is not null)
        {
            how = $"its phone number {byPhone.Phone}";
            return byPhone;
        }

        // The longest name first: "Wydział Geodezji i Gospodarki Nieruchomościami" before a shorter name it contains.
        var byName = office.Units
            .Where(u => u.Name.In(Languages.Language.Pl) is { Length: > 5 } name && placeText.Contains(name, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(u => u.Name.In(Languages.Language.Pl)!.Length)
            .FirstOrDefault();
        if (byName is not null)
        {
            how = $"its name ({byName.Name.In(Languages.Language.Pl)})";
        }

        return byName;
    }
}

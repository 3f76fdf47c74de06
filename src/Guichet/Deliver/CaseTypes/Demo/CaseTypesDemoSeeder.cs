using Guichet.Deliver;
using Guichet.Orient.Catalogue.Demo;
using Guichet.Orient.Catalogue;

namespace Guichet.Deliver.CaseTypes.Demo;

/// Case types for a few demo services, with the processing times and appeal routes of their
/// Belgian rules: a building permit (Walloon CoDT), a residents' parking card, the social
/// integration income (law of 26 May 2002) and an objection to a municipal tax.
internal sealed class CaseTypesDemoSeeder(GuichetDb db, EventLog eventLog, TimeProvider time) : IDemoSeeder
{
    private static Guid Service(string slug) => CatalogueDemoSeeder.StableId("service:" + slug);

    private static Guid Unit(string path) => CatalogueDemoSeeder.StableId("unit:" + path);

    private static LocalizedText T(string fr, string nl, string de, string en) => LocalizedText.Of(fr, nl, de, en);

    private static readonly CodedText MissingDocument = new("missing-document", T(
        "En attente d'un document du demandeur", "Wachten op een document van de aanvrager", "Warten auf ein Dokument des Antragstellers", "Waiting for a document from the applicant"));

    private static CaseStatus Status(string code, LocalizedText text, int days, params string[] next) => new(code, text, days, next);

    private static readonly IReadOnlyList<CaseStatus> Statuses =
    [
        Status("received", T("Votre demande a été reçue.", "Uw aanvraag is ontvangen.", "Ihr Antrag ist eingegangen.", "Your request has been received."), 2, "in-review", "closed-withdrawn"),
        Status("in-review", T("Votre dossier est en cours d'examen.", "Uw dossier wordt onderzocht.", "Ihre Akte wird geprüft.", "Your file is being reviewed."), 20, "awaiting-decision", "closed-withdrawn"),
        Status("awaiting-decision", T("La décision est en préparation.", "De beslissing wordt voorbereid.", "Die Entscheidung wird vorbereitet.", "The decision is being prepared."), 10, "decided"),
        new CaseStatus("decided", T("Une décision a été prise.", "Er is een beslissing genomen.", "Eine Entscheidung wurde getroffen.", "A decision has been taken."), 0, [], Final: true, Decision: true),
        new CaseStatus("closed-withdrawn", T("Votre demande a été retirée.", "Uw aanvraag is ingetrokken.", "Ihr Antrag wurde zurückgezogen.", "Your request was withdrawn."), 0, [], Final: true),
    ];

    public async Task SeedAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var types = new List<CaseType>
        {
            new(CatalogueDemoSeeder.StableId("case-type:building-permit"), "building-permit", 1, Service("hautrival-building-permit"), new CaseTypeContent
            {
                Name = T("Demande de permis d'urbanisme", "Aanvraag omgevingsvergunning", "Antrag auf Städtebaugenehmigung", "Planning permission application"),
                Clock = new ClockRule(75, DayCount.Calendar, ClockStart.Completeness, 75),
                InternalNormDays = 60,
                SuspensionReasons = [MissingDocument],
                ExtensionDays = 30,
                RequiredDocuments = [T("Formulaire de demande (annexe 4 du CoDT)", "Aanvraagformulier", "Antragsformular", "Application form"), T("Plans signés par un architecte", "Plannen ondertekend door een architect", "Von einem Architekten unterzeichnete Pläne", "Plans signed by an architect")],
                Statuses = Statuses,
                UnitIds = [Unit("hautrival/hautrival-urban-planning")],
                Outcomes = [DecisionOutcome.Granted, DecisionOutcome.Refused, DecisionOutcome.PartiallyGranted, DecisionOutcome.Inadmissible],
                Appeal = new AppealInformation(
                    T("Gouvernement wallon", "Waalse Regering", "Wallonische Regierung", "Walloon Government"),
                    T("Recours par envoi recommandé, avec une copie de la décision et des plans", "Beroep per aangetekende zending, met een kopie van de beslissing en de plannen", "Beschwerde per Einschreiben, mit einer Kopie der Entscheidung und der Pläne", "Appeal by registered mail, with a copy of the decision and the plans"),
                    30,
                    T("DGO4, rue des Brigades d'Irlande 1, 5100 Namur", "DGO4, rue des Brigades d'Irlande 1, 5100 Namen", "DGO4, rue des Brigades d'Irlande 1, 5100 Namur", "DGO4, rue des Brigades d'Irlande 1, 5100 Namur")),
                LegalGroundTemplates = [T("Code du Développement territorial (CoDT), articles D.IV.1 et suivants", "Waals Wetboek van Ruimtelijke Ontwikkeling, artikelen D.IV.1 en volgende", "Gesetzbuch über die räumliche Entwicklung, Artikel D.IV.1 ff.", "Walloon Territorial Development Code, articles D.IV.1 ff.")],
            }, now),
            new(CatalogueDemoSeeder.StableId("case-type:residents-parking-card"), "residents-parking-card", 1, Service("hautrival-residents-parking-card"), new CaseTypeContent
            {
                Name = T("Carte de riverain", "Bewonerskaart", "Anwohnerparkausweis", "Residents' parking card"),
                Clock = new ClockRule(15, DayCount.Working, ClockStart.Receipt, 60),
                InternalNormDays = 10,
                SuspensionReasons = [MissingDocument],
                Statuses = Statuses,
                UnitIds = [Unit("hautrival/hautrival-mobility")],
                Appeal = new AppealInformation(
                    T("Collège communal de Hautrival", "College van burgemeester en schepenen van Hautrival", "Gemeindekollegium von Hautrival", "Hautrival municipal executive"),
                    T("Réclamation écrite motivée", "Gemotiveerd schriftelijk bezwaar", "Begründeter schriftlicher Widerspruch", "Reasoned written objection"),
                    30,
                    T("Place communale 1, 5395 Hautrival", "Place communale 1, 5395 Hautrival", "Place communale 1, 5395 Hautrival", "Place communale 1, 5395 Hautrival")),
            }, now),
            new(CatalogueDemoSeeder.StableId("case-type:integration-income"), "integration-income", 1, Service("hautrival-integration-income"), new CaseTypeContent
            {
                Name = T("Demande de revenu d'intégration", "Aanvraag leefloon", "Antrag auf Eingliederungseinkommen", "Integration income application"),
                Clock = new ClockRule(30, DayCount.Calendar, ClockStart.Receipt, 70),
                InternalNormDays = 25,
                SuspensionReasons = [],
                Statuses = Statuses,
                UnitIds = [Unit("hautrival/hautrival-cpas-social-service")],
                Appeal = new AppealInformation(
                    T("Tribunal du travail de Liège, division Marche-en-Famenne", "Arbeidsrechtbank Luik, afdeling Marche-en-Famenne", "Arbeitsgericht Lüttich, Abteilung Marche-en-Famenne", "Labour Court of Liège, Marche-en-Famenne division"),
                    T("Requête écrite déposée ou envoyée par recommandé au greffe (gratuite)", "Verzoekschrift neergelegd of aangetekend verzonden naar de griffie (kosteloos)", "Antragschrift, bei der Kanzlei hinterlegt oder per Einschreiben gesendet (kostenlos)", "Written petition filed or sent by registered mail to the registry (free of charge)"),
                    90,
                    T("Greffe du tribunal du travail, Place du Roi Albert 1, 6900 Marche-en-Famenne", "Griffie van de arbeidsrechtbank, Place du Roi Albert 1, 6900 Marche-en-Famenne", "Kanzlei des Arbeitsgerichts, Place du Roi Albert 1, 6900 Marche-en-Famenne", "Labour court registry, Place du Roi Albert 1, 6900 Marche-en-Famenne")),
                LegalGroundTemplates = [T("Loi du 26 mai 2002 concernant le droit à l'intégration sociale", "Wet van 26 mei 2002 betreffende het recht op maatschappelijke integratie", "Gesetz vom 26. Mai 2002 über das Recht auf soziale Eingliederung", "Act of 26 May 2002 on the right to social integration")],
            }, now),
            new(CatalogueDemoSeeder.StableId("case-type:municipal-tax-objection"), "municipal-tax-objection", 1, Service("hautrival-municipal-tax-objection"), new CaseTypeContent
            {
                Name = T("Réclamation contre une taxe communale", "Bezwaar tegen een gemeentebelasting", "Widerspruch gegen eine Gemeindesteuer", "Objection to a municipal tax"),
                Clock = new ClockRule(180, DayCount.Calendar, ClockStart.Receipt, 80),
                InternalNormDays = 120,
                SuspensionReasons = [MissingDocument],
                ExtensionDays = 90,
                Statuses = Statuses,
                UnitIds = [Unit("hautrival/hautrival-finance")],
                Appeal = new AppealInformation(
                    T("Tribunal de première instance de Luxembourg, division Marche-en-Famenne", "Rechtbank van eerste aanleg Luxemburg, afdeling Marche-en-Famenne", "Gericht erster Instanz Luxemburg, Abteilung Marche-en-Famenne", "Court of First Instance of Luxembourg, Marche-en-Famenne division"),
                    T("Requête contradictoire", "Verzoekschrift op tegenspraak", "Kontradiktorische Antragschrift", "Inter partes petition"),
                    90,
                    T("Greffe civil, Rue Victor Libert 9, 6900 Marche-en-Famenne", "Burgerlijke griffie, Rue Victor Libert 9, 6900 Marche-en-Famenne", "Zivilkanzlei, Rue Victor Libert 9, 6900 Marche-en-Famenne", "Civil registry, Rue Victor Libert 9, 6900 Marche-en-Famenne")),
                LegalGroundTemplates = [T("Code de la démocratie locale et de la décentralisation, article L3321-9", "Wetboek van de plaatselijke democratie en decentralisatie, artikel L3321-9", "Kodex der lokalen Demokratie und der Dezentralisierung, Artikel L3321-9", "Local Democracy and Decentralisation Code, article L3321-9")],
            }, now),
        };
        foreach (var type in types)
        {
            var errors = CaseTypeRules.Validate(type.Content, "fr");
            if (errors.Count > 0) throw new InvalidOperationException($"Demo case type {type.Code}: " + string.Join("; ", errors.Select(e => $"{e.Name} {e.Code}")));
            db.Add(type);
            eventLog.Record("system:demo", DeliverActivities.CaseTypeCreated, [new EventLogObject("case-type", type.Id.ToString(), Role.Subject)], new Dictionary<string, object?> { ["code"] = type.Code, ["version"] = 1 });
        }
        await db.SaveChangesAsync(ct);
    }
}

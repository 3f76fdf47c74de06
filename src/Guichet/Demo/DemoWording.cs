using System.Text;
using Guichet.Deliver.CaseTypes;

namespace Guichet.Demo;

/// What the people of the demo history write: case subjects, what a handler asks the customer
/// for, the grounds of a decision, internal notes and advice. Texts to the customer are in the
/// language of procedure (fr, nl, de); internal texts (notes, advice) in French, the working
/// language of a Walloon municipality.
internal static class DemoWording
{
    private static string By(string language, string fr, string nl, string de) => language switch { "nl" => nl, "de" => de, _ => fr };

    public static string CaseSubject(Random random, string caseType, string language, DemoCustomer customer, DateOnly receivedOn)
    {
        var year = receivedOn.Year.ToString(CultureInfo.InvariantCulture);
        var street = DemoPeople.Street(customer.Address);
        return caseType switch
        {
            "building-permit" => DemoPeople.Pick(random, By(language,
                "Extension d'une maison d'habitation|Construction d'un car-port|Transformation d'une grange en logement|Construction d'une maison unifamiliale|Rénovation de toiture et création de lucarnes|Construction d'un abri de jardin|Création d'une terrasse couverte|Démolition et reconstruction d'un hangar agricole",
                "Uitbreiding van een woning|Bouw van een carport|Verbouwing van een schuur tot woning|Bouw van een eengezinswoning",
                "Erweiterung eines Wohnhauses|Bau eines Carports|Umbau einer Scheune zu Wohnraum|Bau eines Einfamilienhauses").Split('|')) + " – " + street,
            "residents-parking-card" => By(language, "Carte de riverain – ", "Bewonerskaart – ", "Anwohnerparkausweis – ") + street,
            "integration-income" => DemoPeople.Pick(random, By(language,
                "Demande de revenu d'intégration|Revenu d'intégration – révision après changement de situation|Revenu d'intégration étudiant",
                "Aanvraag leefloon|Leefloon – herziening na gewijzigde situatie",
                "Antrag auf Eingliederungseinkommen|Eingliederungseinkommen – Überprüfung nach geänderter Lage").Split('|')),
            _ => DemoPeople.Pick(random, By(language,
                "Réclamation – taxe sur l'enlèvement des déchets {0}|Réclamation – taxe sur les secondes résidences {0}|Réclamation – taxe sur les immeubles inoccupés {0}|Réclamation – taxe sur les enseignes {0}",
                "Bezwaar – afvalbelasting {0}|Bezwaar – belasting op tweede verblijven {0}",
                "Widerspruch – Abfallsteuer {0}|Widerspruch – Zweitwohnungssteuer {0}").Split('|')).Replace("{0}", year, StringComparison.Ordinal),
        };
    }

    /// What the handler asks the customer to send, by case type.
    public static string Request(Random random, string caseType, string language) => DemoPeople.Pick(random, (caseType switch
    {
        "building-permit" => By(language,
            "Les plans signés par l'architecte, au format PDF|Un reportage photographique du bien et des parcelles voisines|Le formulaire statistique (modèle I) complété|La notice d'évaluation des incidences sur l'environnement",
            "De door de architect ondertekende plannen, in PDF|Een fotoreportage van het goed en de aanpalende percelen|Het ingevulde statistisch formulier",
            "Die vom Architekten unterzeichneten Pläne als PDF|Eine Fotodokumentation des Grundstücks und der Nachbarparzellen|Das ausgefüllte Statistikformular"),
        "residents-parking-card" => By(language,
            "Le certificat d'immatriculation du véhicule|Une preuve de domicile à l'adresse indiquée",
            "Het inschrijvingsbewijs van het voertuig|Een bewijs van woonst op het opgegeven adres",
            "Die Zulassungsbescheinigung des Fahrzeugs|Ein Wohnsitznachweis an der angegebenen Adresse"),
        "integration-income" => By(language,
            "Les extraits de compte des trois derniers mois|Une attestation de revenus ou d'allocations de chômage|La composition de ménage",
            "De rekeninguittreksels van de laatste drie maanden|Een attest van inkomsten of werkloosheidsuitkering|De gezinssamenstelling",
            "Die Kontoauszüge der letzten drei Monate|Ein Nachweis über Einkommen oder Arbeitslosengeld|Die Haushaltszusammensetzung"),
        _ => By(language,
            "Une copie de l'avertissement-extrait de rôle contesté|La preuve du paiement de la taxe",
            "Een kopie van het betwiste aanslagbiljet|Het bewijs van betaling van de belasting",
            "Eine Kopie des angefochtenen Steuerbescheids|Der Zahlungsnachweis der Steuer"),
    }).Split('|'));

    /// The same request asked again: the first answer did not do.
    public static string AskedAgain(string what, string language) =>
        what + By(language, " (le document reçu est illisible ou incomplet)", " (het ontvangen document is onleesbaar of onvolledig)", " (das erhaltene Dokument ist unleserlich oder unvollständig)");

    public static string FactualGrounds(DecisionOutcome outcome, string language) => outcome switch
    {
        DecisionOutcome.Granted => By(language,
            "Le dossier est complet et la demande remplit les conditions applicables ; les avis recueillis sont favorables et aucune objection n'a été reçue.",
            "Het dossier is volledig en de aanvraag voldoet aan de toepasselijke voorwaarden; de ingewonnen adviezen zijn gunstig en er kwam geen bezwaar.",
            "Die Akte ist vollständig und der Antrag erfüllt die geltenden Bedingungen; die Stellungnahmen sind günstig und es ging kein Einwand ein."),
        DecisionOutcome.Refused => By(language,
            "La demande ne remplit pas les conditions applicables : les pièces fournies ne démontrent pas que les critères d'octroi sont rencontrés.",
            "De aanvraag voldoet niet aan de toepasselijke voorwaarden: de bezorgde stukken tonen niet aan dat aan de criteria is voldaan.",
            "Der Antrag erfüllt die geltenden Bedingungen nicht: die eingereichten Unterlagen belegen nicht, dass die Kriterien erfüllt sind."),
        DecisionOutcome.PartiallyGranted => By(language,
            "La demande est accordée en partie : certains éléments respectent les conditions applicables, d'autres non, comme le précisent les avis joints.",
            "De aanvraag wordt gedeeltelijk toegekend: sommige onderdelen voldoen aan de voorwaarden, andere niet, zoals de adviezen toelichten.",
            "Dem Antrag wird teilweise stattgegeben: einige Teile erfüllen die Bedingungen, andere nicht, wie die Stellungnahmen erläutern."),
        _ => By(language,
            "La demande est irrecevable car elle a été introduite hors délai ou sans les pièces obligatoires malgré notre rappel.",
            "De aanvraag is onontvankelijk omdat ze te laat of zonder de verplichte stukken werd ingediend, ondanks onze herinnering.",
            "Der Antrag ist unzulässig, weil er verspätet oder trotz unserer Erinnerung ohne die vorgeschriebenen Unterlagen eingereicht wurde."),
    };

    /// The legal grounds: the case type's template, or the municipal regulation for a type without one.
    public static string LegalGrounds(CaseType type, string language) =>
        type.Content.LegalGroundTemplates.Select(t => t[language]).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t))
        ?? By(language, "Règlement communal applicable à la demande, articles 1 à 12", "Gemeentelijk reglement van toepassing op de aanvraag, artikelen 1 tot 12", "Auf den Antrag anwendbare Gemeindeverordnung, Artikel 1 bis 12");

    public static string ExtensionReason(string language) => By(language,
        "L'examen du dossier demande des vérifications complémentaires auprès d'autres services.",
        "Het onderzoek van het dossier vereist bijkomende controles bij andere diensten.",
        "Die Prüfung der Akte erfordert zusätzliche Abklärungen bei anderen Diensten.");

    public static string AppealSummary(string language) => By(language,
        "Le demandeur conteste la décision et en demande la réformation.",
        "De aanvrager betwist de beslissing en vraagt de herziening ervan.",
        "Der Antragsteller ficht die Entscheidung an und beantragt ihre Abänderung.");

    public static readonly string[] Notes =
    [
        "Appel du demandeur : il enverra les documents cette semaine.",
        "Dossier discuté en réunion d'équipe ; pas d'objection.",
        "Vérifier la conformité au schéma de développement communal.",
        "Le demandeur est passé au guichet pour poser des questions sur la procédure.",
        "Rappel téléphonique effectué, message laissé sur le répondeur.",
        "Visite sur place prévue avec le service technique.",
    ];

    public static string AdviceQuestion(string caseType) => caseType switch
    {
        "building-permit" => "Avis sur la conformité du projet aux prescriptions techniques et environnementales.",
        "municipal-tax-objection" => "Avis juridique sur la recevabilité et le fondement de la réclamation.",
        _ => "Avis sur la demande.",
    };

    public static readonly string[] AdviceAnswers =
    [
        "Avis favorable.",
        "Avis favorable sous conditions : respecter les distances de recul et gérer les eaux pluviales sur la parcelle.",
        "Avis défavorable : le projet ne respecte pas les prescriptions applicables.",
        "Avis favorable ; la réclamation est recevable mais partiellement fondée.",
    ];

    /// What a customer writes to the general mailbox or the web form.
    public static string Message(string subject, string language) => language switch
    {
        "nl" => $"Goedendag,\n\nGraag had ik meer informatie gekregen over: {subject}.\n\nAlvast bedankt.",
        "de" => $"Guten Tag,\n\nich hätte gern weitere Informationen zu: {subject}.\n\nVielen Dank im Voraus.",
        "en" => $"Hello,\n\nI would like some information about: {subject}.\n\nThank you in advance.",
        _ => $"Bonjour,\n\nJe souhaiterais obtenir des informations au sujet de : {subject}.\n\nMerci d'avance.",
    };

    public static string ContactSubject(Random random, string serviceName, string language) => serviceName + " – " + DemoPeople.Pick(random, (language switch
    {
        "nl" => "vraag om informatie|welke documenten?|termijn|stand van mijn aanvraag",
        "de" => "Informationsanfrage|welche Unterlagen?|Frist|Stand meines Antrags",
        "en" => "request for information|which documents?|how long?|status of my request",
        _ => "demande d'information|quels documents fournir ?|délai de traitement|suivi de ma demande|prise de rendez-vous",
    }).Split('|'));

    /// A small, valid one-page PDF whose only line says what it is: what a customer's scan stands for.
    public static byte[] Pdf(string title)
    {
        var text = new string([.. title.Normalize(NormalizationForm.FormD).Where(c => c < 128 && c is not ('(' or ')' or '\\'))]);
        var content = $"BT /F1 14 Tf 72 760 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}

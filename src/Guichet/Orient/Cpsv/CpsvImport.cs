using Guichet.Orient.Catalogue;

namespace Guichet.Orient.Cpsv;

internal sealed record CpsvImportCounts(int Created, int Updated, int Unchanged);

internal sealed record CpsvImportSummary(CpsvImportCounts Organisations, CpsvImportCounts Units, CpsvImportCounts Channels, CpsvImportCounts Services);

/// Imports a CPSV-AP 3.2 JSON-LD document as the export writes it (ADR 0006): organisations,
/// units, channels and services are matched by the id in their IRI, created or updated, and the
/// services published. Everything is read and checked against the catalogue rules first, on the
/// catalogue as it would be after the import; only then is anything changed, in one SaveChanges
/// with one "catalogue.imported" event-log entry. Any error and nothing is stored: the result is
/// then invalid, with every error found.
internal sealed class CpsvImport(GuichetDb db, CodeLists codes, Texts texts, EventLog eventLog, CatalogueChanges changes, TimeProvider time)
{
    private const string Organisations = "organisation";
    private const string Units = "unit";
    private const string Channels = "channel";
    private const string Services = "service";

    public async Task<Result<CpsvImportSummary>> ImportAsync(ReadOnlyMemory<byte> body, string actor, CancellationToken ct)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return Result<CpsvImportSummary>.Invalid([new InvalidParam("$", "malformed-json", "The body is not valid JSON: " + e.Message)]);
        }
        using (document)
        {
            var errors = new List<InvalidParam>();
            var graph = JsonLdGraph.Read(document.RootElement, errors);
            if (graph is null) return Result<CpsvImportSummary>.Invalid(errors);

            var existing = new Existing(
                await db.Set<Organisation>().ToDictionaryAsync(o => o.Id, ct),
                await db.Set<Unit>().ToDictionaryAsync(u => u.Id, ct),
                await db.Set<Channel>().ToDictionaryAsync(c => c.Id, ct),
                await db.Set<PublicService>().ToDictionaryAsync(s => s.Id, ct));

            var reader = new Reader(graph, existing, errors, texts);
            var plan = reader.Read();
            if (errors.Count > 0) return Result<CpsvImportSummary>.Invalid(errors);
            if (plan.IsEmpty)
                return Result<CpsvImportSummary>.Invalid([new InvalidParam("@graph", "cpsv-nothing-to-import",
                    "The graph has no cpsv:PublicService, cv:PublicOrganisation, org:OrganizationalUnit or cv:Channel node.")]);

            var now = time.GetUtcNow();
            Validate(plan, existing, errors, now);
            if (errors.Count > 0) return Result<CpsvImportSummary>.Invalid(errors);

            var summary = Apply(plan, existing, actor, now);
            CatalogueVersion.Bump(db);
            await db.SaveChangesAsync(ct);
            changes.Saved();
            return summary;
        }
    }

    private sealed record Existing(
        Dictionary<Guid, Organisation> Organisations,
        Dictionary<Guid, Unit> Units,
        Dictionary<Guid, Channel> Channels,
        Dictionary<Guid, PublicService> Services);

    internal sealed record Imported<T>(LdNode Node, Guid Id, Guid OrganisationId, T Content);

    internal sealed record Plan(
        List<Imported<OrganisationContent>> Organisations,
        List<Imported<UnitContent>> Units,
        List<Imported<ChannelContent>> Channels,
        List<Imported<ServiceContent>> Services)
    {
        public bool IsEmpty => Organisations.Count + Units.Count + Channels.Count + Services.Count == 0;
    }

    // ---- validation: the rules of the catalogue, on the catalogue as it would be ---------------

    private void Validate(Plan plan, Existing existing, List<InvalidParam> errors, DateTimeOffset now)
    {
        var organisations = new Dictionary<Guid, Organisation>(existing.Organisations);
        foreach (var o in plan.Organisations)
        {
            Report(errors, o.Node, CatalogueRules.Validate(o.Content), OrganisationFields);
            organisations[o.Id] = new Organisation(o.Id, o.Content, now);
        }
        SlugsUnique(errors, plan.Organisations, organisations.Values.Select(o => (o.Id, o.Slug)));

        var units = new Dictionary<Guid, Unit>(existing.Units);
        foreach (var u in plan.Units)
        {
            if (existing.Units.TryGetValue(u.Id, out var current) && current.OrganisationId != u.OrganisationId)
                errors.Add(At(u.Node, "org:unitOf", "organisation-change-not-supported", "A unit cannot move to another organisation."));
            units[u.Id] = new Unit(u.Id, u.OrganisationId, u.Content, now);
        }
        foreach (var u in plan.Units)
        {
            var ofOrganisation = units.Values.Where(x => x.OrganisationId == u.OrganisationId).ToList();
            Report(errors, u.Node, CatalogueRules.Validate(u.Content, organisations[u.OrganisationId], ofOrganisation, u.Id), UnitFields);
            if (ofOrganisation.Count(x => x.Slug == u.Content.Slug) > 1)
                errors.Add(At(u.Node, "guichet:slug", "slug-taken", $"Another unit of the organisation has the slug '{u.Content.Slug}'."));
        }

        var channels = new Dictionary<Guid, Channel>(existing.Channels);
        foreach (var c in plan.Channels)
        {
            if (existing.Channels.TryGetValue(c.Id, out var current) && current.OrganisationId != c.OrganisationId)
                errors.Add(At(c.Node, "cv:ownedBy", "organisation-change-not-supported", "A channel cannot move to another organisation."));
            channels[c.Id] = new Channel(c.Id, c.OrganisationId, c.Content, now);
            var ofOrganisation = units.Values.Where(x => x.OrganisationId == c.OrganisationId).ToList();
            Report(errors, c.Node, CatalogueRules.Validate(c.Content, organisations[c.OrganisationId], ofOrganisation), ChannelFields);
        }
        SlugsUnique(errors, plan.Channels, channels.Values.Select(c => (c.Id, c.Slug)));

        var services = existing.Services.Values.ToDictionary(s => s.Id, s => (s.Id, s.Slug));
        var allUnits = units.Values.ToList();
        var allChannels = channels.Values.ToList();
        foreach (var s in plan.Services)
        {
            if (existing.Services.TryGetValue(s.Id, out var current) && current.OrganisationId != s.OrganisationId)
                errors.Add(At(s.Node, "cv:hasCompetentAuthority", "organisation-change-not-supported", "A service cannot move to another organisation."));
            services[s.Id] = (s.Id, s.Content.Slug);
            Report(errors, s.Node, CatalogueRules.Validate(s.Content, organisations[s.OrganisationId], allUnits, allChannels, codes), ServiceFields);
        }
        SlugsUnique(errors, plan.Services, services.Values);
    }

    private static void SlugsUnique<T>(List<InvalidParam> errors, List<Imported<T>> imported, IEnumerable<(Guid Id, string Slug)> all)
    {
        var taken = all.GroupBy(x => x.Slug, StringComparer.Ordinal).Where(g => g.Count() > 1).SelectMany(g => g.Select(x => x.Id)).ToHashSet();
        foreach (var item in imported.Where(i => taken.Contains(i.Id)))
            errors.Add(At(item.Node, "guichet:slug", "slug-taken", "Another record of the catalogue has the same slug."));
    }

    // The catalogue rules name the fields of Guichet's own model; an importer wants the property
    // of its document. Each rule field's first segment maps to the property it was read from.
    private static readonly Dictionary<string, string> OrganisationFields = new()
    {
        ["slug"] = "guichet:slug", ["primaryLanguage"] = "guichet:primaryLanguage", ["name"] = "skos:prefLabel",
        ["description"] = "dct:description", ["homepage"] = "foaf:homepage",
    };

    private static readonly Dictionary<string, string> UnitFields = new()
    {
        ["slug"] = "guichet:slug", ["name"] = "skos:prefLabel", ["parentId"] = "org:subOrganizationOf",
    };

    private static readonly Dictionary<string, string> ChannelFields = new()
    {
        ["slug"] = "guichet:slug", ["name"] = "dct:title", ["unitId"] = "cv:ownedBy", ["address"] = "locn:address",
        ["latitude"] = "geo:lat", ["longitude"] = "geo:long", ["phone"] = "cv:contactPoint.cv:telephone",
        ["email"] = "cv:contactPoint.cv:email", ["url"] = "cv:contactPoint.cv:contactPage", ["openingHours"] = "guichet:openingHours",
    };

    private static readonly Dictionary<string, string> ServiceFields = new()
    {
        ["slug"] = "guichet:slug", ["name"] = "dct:title", ["description"] = "dct:description", ["keywords"] = "dcat:keyword",
        ["audiences"] = "dct:audience", ["themes"] = "cv:thematicArea", ["lifeEvents"] = "cv:isGroupedBy",
        ["businessEvents"] = "cv:isGroupedBy", ["cost"] = "cv:hasCost", ["output"] = "cpsv:produces",
        ["appealSummary"] = "guichet:appealSummary", ["evidence"] = "cpsv:hasInput", ["legalResources"] = "cv:hasLegalResource",
        ["processingTime"] = "cv:processingTime", ["unitId"] = "guichet:unit", ["channelIds"] = "cv:hasChannel",
    };

    private static void Report(List<InvalidParam> errors, LdNode node, List<InvalidParam> found, Dictionary<string, string> fields)
    {
        foreach (var e in found)
        {
            var end = e.Name.IndexOfAny(['.', '[']);
            var root = end < 0 ? e.Name : e.Name[..end];
            var rest = end < 0 ? "" : e.Name[end..];
            errors.Add(new InvalidParam($"{node.Path}.{fields.GetValueOrDefault(root, root)}{rest}", e.Code, $"{node.Id}: {e.Reason}"));
        }
    }

    internal static InvalidParam At(LdNode node, string property, string code, string reason) =>
        new($"{node.Path}.{property}", code, $"{node.Id}: {reason}");

    // ---- apply: create or update, publish, record ---------------------------------------------

    private CpsvImportSummary Apply(Plan plan, Existing existing, string actor, DateTimeOffset now)
    {
        var objects = new List<EventLogObject>();

        CpsvImportCounts Upsert<T, TEntity>(string type, List<Imported<T>> items, Dictionary<Guid, TEntity> current,
            Func<TEntity, object> contentOf, Func<TEntity, bool> needsMore, Action<TEntity, T> update, Func<Imported<T>, TEntity> create)
            where TEntity : class
        {
            int created = 0, updated = 0, unchanged = 0;
            foreach (var item in items)
            {
                if (current.TryGetValue(item.Id, out var entity))
                {
                    if (Same(contentOf(entity), item.Content!) && !needsMore(entity))
                    {
                        unchanged++;
                        continue;
                    }
                    update(entity, item.Content);
                    updated++;
                    objects.Add(new EventLogObject(type, item.Id.ToString(), "updated"));
                }
                else
                {
                    db.Add(create(item));
                    created++;
                    objects.Add(new EventLogObject(type, item.Id.ToString(), "created"));
                }
            }
            return new CpsvImportCounts(created, updated, unchanged);
        }

        var organisations = Upsert(Organisations, plan.Organisations, existing.Organisations, ContentOf, _ => false,
            (o, c) => o.Update(c, now), i => new Organisation(i.Id, i.Content, now));
        var units = Upsert(Units, plan.Units, existing.Units, u => new UnitContent(u.Slug, u.ParentId, u.Name), _ => false,
            (u, c) => u.Update(c, now), i => new Unit(i.Id, i.OrganisationId, i.Content, now));
        var channels = Upsert(Channels, plan.Channels, existing.Channels, ContentOf, _ => false,
            (ch, c) => ch.Update(c, now), i => new Channel(i.Id, i.OrganisationId, i.Content, now));
        var services = Upsert(Services, plan.Services, existing.Services, s => s.Content, s => !s.IsPublished,
            (s, c) =>
            {
                if (!Same(s.Content, c)) s.Edit(c, now);
                if (!s.IsPublished) s.Publish(now);
            },
            i =>
            {
                var service = new PublicService(i.Id, i.OrganisationId, i.Content, now);
                service.Publish(now);
                return service;
            });

        var summary = new CpsvImportSummary(organisations, units, channels, services);
        eventLog.Record(actor, OrientActivities.CatalogueImported, objects, new Dictionary<string, object?>
        {
            ["format"] = "cpsv-ap-3.2",
            ["organisations"] = organisations,
            ["units"] = units,
            ["channels"] = channels,
            ["services"] = services,
        });
        return summary;
    }

    private static OrganisationContent ContentOf(Organisation o) =>
        new(o.Slug, o.Kind, o.PrimaryLanguage, o.External, o.Name, o.Description, o.Homepage);

    private static ChannelContent ContentOf(Channel c) =>
        new(c.Slug, c.Kind, c.UnitId, c.Name, c.Address, c.Latitude, c.Longitude, c.Phone, c.Email, c.Url, c.OpeningHours);

    private static bool Same(object a, object b) =>
        JsonSerializer.Serialize(a, a.GetType(), JsonColumn.Options) == JsonSerializer.Serialize(b, b.GetType(), JsonColumn.Options);

    // ---- reading: the graph into catalogue contents --------------------------------------------

    private sealed class Reader(JsonLdGraph graph, Existing existing, List<InvalidParam> errors, Texts texts)
    {
        private const string PublicOrganisation = Ns.Cv + "PublicOrganisation";
        private const string OrganizationalUnit = Ns.Org + "OrganizationalUnit";
        private const string ChannelType = Ns.Cv + "Channel";
        private const string PublicServiceType = Ns.Cpsv + "PublicService";

        private static bool IsOrganisation(LdNode n) => n.Is(PublicOrganisation) && !n.Is(OrganizationalUnit);

        public Plan Read()
        {
            var plan = new Plan([], [], [], []);
            var seen = new Dictionary<Guid, LdNode>();
            bool Unique(LdNode node, string kind)
            {
                var id = CatalogueIris.IdOf(node.Id);
                if (seen.TryGetValue(id, out var other))
                {
                    errors.Add(At(node, "@id", "duplicate-id", $"The {kind} has the same id as {other.Id}."));
                    return false;
                }
                seen[id] = node;
                return true;
            }

            foreach (var node in graph.Nodes.Where(IsOrganisation))
                if (Unique(node, Organisations)) plan.Organisations.Add(ReadOrganisation(node));
            foreach (var node in graph.Nodes.Where(n => n.Is(OrganizationalUnit)))
                if (Unique(node, Units) && ReadUnit(node) is { } unit) plan.Units.Add(unit);
            foreach (var node in graph.Nodes.Where(n => n.Is(ChannelType)))
                if (Unique(node, Channels) && ReadChannel(node) is { } channel) plan.Channels.Add(channel);
            foreach (var node in graph.Nodes.Where(n => n.Is(PublicServiceType)))
                if (Unique(node, Services) && ReadService(node) is { } service) plan.Services.Add(service);
            return plan;
        }

        private Imported<OrganisationContent> ReadOrganisation(LdNode node)
        {
            var id = CatalogueIris.IdOf(node.Id);
            var kind = OrganisationKind.Other;
            if (OneIri(node, Ns.Org + "classification") is { } classification
                && !Enum.TryParse(CatalogueIris.CodeOf(classification), ignoreCase: true, out kind))
                errors.Add(At(node, "org:classification", "unknown-code", $"'{CatalogueIris.CodeOf(classification)}' is not an organisation kind."));
            var external = false;
            if (OneLiteral(node, Ns.Guichet + "external") is { } flag && !bool.TryParse(flag, out external))
                errors.Add(At(node, "guichet:external", "invalid-value", "true or false."));
            var content = new OrganisationContent(
                OneLiteral(node, Ns.Guichet + "slug") ?? "",
                kind,
                OneLiteral(node, Ns.Guichet + "primaryLanguage") ?? "",
                external,
                Text(node, Ns.Skos + "prefLabel") ?? new LocalizedText(),
                Text(node, Ns.Dct + "description") ?? new LocalizedText(),
                OneIri(node, Ns.Foaf + "homepage"));
            return new(node, id, id, content);
        }

        private Imported<UnitContent>? ReadUnit(LdNode node)
        {
            var organisation = Reference(node, Ns.Org + "unitOf", Organisations, required: true);
            Guid? parent = null;
            foreach (var value in node.Values(Ns.Org + "subOrganizationOf"))
                if (value.Iri is { } iri && KindOf(iri) == Units) parent = CatalogueIris.IdOf(iri);
            var content = new UnitContent(OneLiteral(node, Ns.Guichet + "slug") ?? "", parent, Text(node, Ns.Skos + "prefLabel") ?? new LocalizedText());
            return organisation is { } org ? new(node, CatalogueIris.IdOf(node.Id), org, content) : null;
        }

        private Imported<ChannelContent>? ReadChannel(LdNode node)
        {
            Guid? organisation = null, unit = null;
            foreach (var value in node.Values(Ns.Cv + "ownedBy"))
            {
                switch (value.Iri is { } iri ? KindOf(iri) : null)
                {
                    case Organisations when organisation is null: organisation = CatalogueIris.IdOf(value.Iri!); break;
                    case Units when unit is null: unit = CatalogueIris.IdOf(value.Iri!); break;
                    case Organisations or Units:
                        errors.Add(At(node, "cv:ownedBy", "too-many-values", "A channel is owned by one organisation and at most one of its units."));
                        break;
                    default:
                        errors.Add(At(node, "cv:ownedBy", "unknown-reference", $"{value.Iri ?? "a blank node"} is neither an organisation nor a unit of this document or of the catalogue."));
                        break;
                }
            }
            if (organisation is null && node.Values(Ns.Cv + "ownedBy").Count == 0)
                errors.Add(At(node, "cv:ownedBy", "required", "A channel is owned by an organisation."));

            var kind = ChannelKind.Web;
            var type = OneIri(node, Ns.Dct + "type");
            if (type is null) errors.Add(At(node, "dct:type", "required", "The channel type (counter, phone, email, web, post) is required."));
            else if (!Enum.TryParse(CatalogueIris.CodeOf(type), ignoreCase: true, out kind) || !Enum.IsDefined(kind))
                errors.Add(At(node, "dct:type", "unknown-code", $"'{CatalogueIris.CodeOf(type)}' is not a channel type."));

            PostalAddress? address = null;
            if (OneNode(node, Ns.Locn + "address") is { } a)
                address = new PostalAddress(
                    a.Values(Ns.Locn + "thoroughfare").FirstOrDefault()?.Text ?? "",
                    OneLiteral(a, Ns.Locn + "postCode") ?? "",
                    Text(a, Ns.Locn + "postName") ?? new LocalizedText());

            string? phone = null, email = null, url = null;
            if (OneNode(node, Ns.Cv + "contactPoint") is { } contact)
            {
                phone = OneLiteral(contact, Ns.Cv + "telephone");
                email = OneLiteral(contact, Ns.Cv + "email");
                if (email is not null && email.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) email = email[7..];
                url = OneIri(contact, Ns.Cv + "contactPage");
            }

            var content = new ChannelContent(
                OneLiteral(node, Ns.Guichet + "slug") ?? "",
                kind,
                unit,
                Text(node, Ns.Dct + "title") ?? new LocalizedText(),
                address,
                ReadDouble(node, Ns.Geo + "lat", "geo:lat"),
                ReadDouble(node, Ns.Geo + "long", "geo:long"),
                phone,
                email,
                url,
                ReadOpeningHours(node));
            return organisation is { } org ? new(node, CatalogueIris.IdOf(node.Id), org, content) : null;
        }

        private OpeningHours? ReadOpeningHours(LdNode node)
        {
            var values = node.Values(Ns.Guichet + "openingHours");
            if (values.Count == 0) return null;
            if (values.Count > 1)
            {
                errors.Add(At(node, "guichet:openingHours", "too-many-values", "A channel has one opening-hours document."));
                return null;
            }
            var value = values[0];
            try
            {
                var hours = value.Json is { } json ? json.Deserialize<OpeningHours>(JsonColumn.Options)
                    : value.Text is { } text ? JsonSerializer.Deserialize<OpeningHours>(text, JsonColumn.Options)
                    : null;
                if (hours is null && value.Json is not { ValueKind: JsonValueKind.Null })
                    errors.Add(At(node, "guichet:openingHours", "invalid-opening-hours", "The opening hours are a JSON object (\"@type\": \"@json\")."));
                return hours;
            }
            catch (JsonException e)
            {
                errors.Add(At(node, "guichet:openingHours", "invalid-opening-hours", "The opening hours do not have the expected shape: " + e.Message));
                return null;
            }
        }

        private Imported<ServiceContent>? ReadService(LdNode node)
        {
            var organisation = Reference(node, Ns.Cv + "hasCompetentAuthority", Organisations, required: true);
            var unit = Reference(node, Ns.Guichet + "unit", Units, required: false);

            var channels = new List<Guid>();
            foreach (var value in node.Values(Ns.Cv + "hasChannel"))
            {
                if (value.Iri is { } iri && KindOf(iri) == Channels) channels.Add(CatalogueIris.IdOf(iri));
                else errors.Add(At(node, "cv:hasChannel", "unknown-reference", $"{value.Iri ?? "a blank node"} is not a channel of this document or of the catalogue."));
            }

            var audiences = new List<Audience>();
            foreach (var iri in Iris(node, Ns.Dct + "audience"))
            {
                if (CpsvMapping.AudienceOf(CatalogueIris.CodeOf(iri)) is { } audience) audiences.Add(audience);
                else errors.Add(At(node, "dct:audience", "unknown-code", $"'{CatalogueIris.CodeOf(iri)}' is not an audience (citizens, companies)."));
            }

            var lifeEvents = new List<string>();
            var businessEvents = new List<string>();
            foreach (var value in node.Values(Ns.Cv + "isGroupedBy"))
            {
                if (value.Iri is not { } iri)
                {
                    errors.Add(At(node, "cv:isGroupedBy", "unknown-reference", "An event is referenced by its IRI."));
                    continue;
                }
                var list = value.Node?.Is(Ns.Cv + "LifeEvent") == true ? CatalogueIris.LifeEvents
                    : value.Node?.Is(Ns.Cv + "BusinessEvent") == true ? CatalogueIris.BusinessEvents
                    : CatalogueIris.ListOf(iri);
                if (list == CatalogueIris.LifeEvents) lifeEvents.Add(CatalogueIris.CodeOf(iri));
                else if (list == CatalogueIris.BusinessEvents) businessEvents.Add(CatalogueIris.CodeOf(iri));
                else errors.Add(At(node, "cv:isGroupedBy", "unknown-code", $"{iri} is neither a cv:LifeEvent nor a cv:BusinessEvent."));
            }

            ProcessingTime? processing = null;
            if (OneLiteral(node, Ns.Guichet + "processingTimeWorkingDays") is { } working)
            {
                if (int.TryParse(working, NumberStyles.None, CultureInfo.InvariantCulture, out var days)) processing = new ProcessingTime(days, DayCount.Working);
                else errors.Add(At(node, "guichet:processingTimeWorkingDays", "invalid-value", "A whole number of working days."));
            }
            else if (OneLiteral(node, Ns.Cv + "processingTime") is { } duration)
            {
                if (CpsvMapping.TryParseDays(duration, out var days)) processing = new ProcessingTime(days, DayCount.Calendar);
                else errors.Add(At(node, "cv:processingTime", "unsupported-duration", $"'{duration}' is not a number of days such as P30D."));
            }

            var description = Text(node, Ns.Dct + "description") ?? new LocalizedText();
            if (processing is { Unit: DayCount.Working } w)
                foreach (var language in LocalizedText.Languages)
                {
                    var note = CpsvMapping.NoteSeparator + CpsvMapping.WorkingDaysNote(texts, language, w.Days);
                    if (description[language] is { } text && text.EndsWith(note, StringComparison.Ordinal))
                        description = description.With(language, text[..^note.Length]);
                }

            var content = new ServiceContent
            {
                Slug = OneLiteral(node, Ns.Guichet + "slug") ?? "",
                UnitId = unit,
                Name = Text(node, Ns.Dct + "title") ?? new LocalizedText(),
                Description = description,
                Keywords = Keywords(node),
                Audiences = audiences,
                Themes = [.. Iris(node, Ns.Cv + "thematicArea").Select(CatalogueIris.CodeOf)],
                LifeEvents = lifeEvents,
                BusinessEvents = businessEvents,
                Cost = OneNode(node, Ns.Cv + "hasCost") is { } cost ? Text(cost, Ns.Dct + "description") : null,
                Output = OneNode(node, Ns.Cpsv + "produces") is { } output ? Text(output, Ns.Dct + "title") : null,
                Evidence = [.. Ordered(node, Ns.Cpsv + "hasInput").Select(e => Text(e, Ns.Dct + "title") ?? new LocalizedText())],
                LegalResources = [.. Ordered(node, Ns.Cv + "hasLegalResource").Select(ReadLegalResource)],
                ProcessingTime = processing,
                AppealSummary = Text(node, Ns.Guichet + "appealSummary"),
                ChannelIds = channels,
            };
            return organisation is { } org ? new(node, CatalogueIris.IdOf(node.Id), org, content) : null;
        }

        private LegalResource ReadLegalResource(LdNode node)
        {
            var url = OneIri(node, Ns.Foaf + "page");
            if (url is null) errors.Add(At(node, "foaf:page", "required", "A legal resource needs the URL of its text (foaf:page)."));
            return new LegalResource(Text(node, Ns.Eli + "title") ?? Text(node, Ns.Dct + "title") ?? new LocalizedText(), url ?? "");
        }

        private LocalizedKeywords Keywords(LdNode node)
        {
            var byLanguage = LocalizedText.Languages.ToDictionary(l => l, _ => new List<string>());
            foreach (var value in node.Values(Ns.Dcat + "keyword"))
                if (Language(node, "dcat:keyword", value) is { } language)
                    byLanguage[language].Add(value.Text!);
            return new LocalizedKeywords { Fr = byLanguage["fr"], Nl = byLanguage["nl"], De = byLanguage["de"], En = byLanguage["en"] };
        }

        /// The nodes a property points to, by guichet:position (RDF has no order), then document order.
        private List<LdNode> Ordered(LdNode node, string property)
        {
            var found = new List<(int Position, int Index, LdNode Node)>();
            var index = 0;
            foreach (var value in node.Values(property))
            {
                if (value.Node is not { } target)
                {
                    errors.Add(At(node, Ns.Compact(property), "unknown-reference", $"{value.Iri ?? "a literal"} is not a node of this document."));
                    continue;
                }
                var position = int.TryParse(OneLiteral(target, Ns.Guichet + "position"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : int.MaxValue;
                found.Add((position, index++, target));
            }
            return [.. found.OrderBy(f => f.Position).ThenBy(f => f.Index).Select(f => f.Node)];
        }

        /// Which catalogue record an IRI stands for: the type of its node in the document, else the
        /// record of the catalogue with its id.
        private string? KindOf(string iri)
        {
            if (graph.Find(iri) is { } node && node.Types.Count > 0)
                return node.Is(OrganizationalUnit) ? Units
                    : IsOrganisation(node) ? Organisations
                    : node.Is(ChannelType) ? Channels
                    : node.Is(PublicServiceType) ? Services
                    : null;
            var id = CatalogueIris.IdOf(iri);
            return existing.Units.ContainsKey(id) ? Units
                : existing.Organisations.ContainsKey(id) ? Organisations
                : existing.Channels.ContainsKey(id) ? Channels
                : existing.Services.ContainsKey(id) ? Services
                : null;
        }

        private Guid? Reference(LdNode node, string property, string kind, bool required)
        {
            var values = node.Values(property);
            var name = Ns.Compact(property);
            if (values.Count == 0)
            {
                if (required) errors.Add(At(node, name, "required", $"A reference to a {kind} is required."));
                return null;
            }
            if (values.Count > 1)
            {
                errors.Add(At(node, name, "too-many-values", $"Guichet keeps one {kind} here."));
                return null;
            }
            if (values[0].Iri is { } iri && KindOf(iri) == kind) return CatalogueIris.IdOf(iri);
            errors.Add(At(node, name, "unknown-reference", $"{values[0].Iri ?? "a blank node"} is not a {kind} of this document or of the catalogue."));
            return null;
        }

        /// A language-tagged text; null when the property is absent.
        private LocalizedText? Text(LdNode node, string property)
        {
            var values = node.Values(property);
            if (values.Count == 0) return null;
            var text = new LocalizedText();
            foreach (var value in values)
            {
                if (Language(node, Ns.Compact(property), value) is not { } language) continue;
                if (text[language] is not null)
                    errors.Add(At(node, $"{Ns.Compact(property)}@{language}", "duplicate-language", $"Two texts in '{language}'."));
                else
                    text = text.With(language, value.Text);
            }
            return text;
        }

        private string? Language(LdNode node, string property, LdValue value)
        {
            if (value.Text is null || value.Language is null)
            {
                errors.Add(At(node, property, "text-without-language", "Texts are language-tagged literals: {\"@value\": \"...\", \"@language\": \"fr\"}."));
                return null;
            }
            var language = value.Language.Split('-')[0].ToLowerInvariant();
            if (Languages.IsSupported(language)) return language;
            errors.Add(At(node, $"{property}@{value.Language}", "unknown-language", "Use fr, nl, de or en."));
            return null;
        }

        private string? OneLiteral(LdNode node, string property)
        {
            var values = node.Values(property);
            if (values.Count > 1) errors.Add(At(node, Ns.Compact(property), "too-many-values", "One value is expected."));
            return values.Count == 0 ? null : values[0].Text;
        }

        private string? OneIri(LdNode node, string property)
        {
            var values = node.Values(property);
            if (values.Count > 1) errors.Add(At(node, Ns.Compact(property), "too-many-values", "One value is expected."));
            if (values.Count == 0) return null;
            if (values[0].Iri is { } iri) return iri;
            errors.Add(At(node, Ns.Compact(property), "invalid-value", "An IRI is expected: {\"@id\": \"...\"}."));
            return null;
        }

        private IEnumerable<string> Iris(LdNode node, string property)
        {
            foreach (var value in node.Values(property))
            {
                if (value.Iri is { } iri) yield return iri;
                else errors.Add(At(node, Ns.Compact(property), "invalid-value", "An IRI is expected: {\"@id\": \"...\"}."));
            }
        }

        private LdNode? OneNode(LdNode node, string property)
        {
            var values = node.Values(property);
            if (values.Count == 0) return null;
            if (values.Count > 1) errors.Add(At(node, Ns.Compact(property), "too-many-values", "Guichet keeps one value here."));
            if (values[0].Node is { } target) return target;
            errors.Add(At(node, Ns.Compact(property), "unknown-reference", $"{values[0].Iri ?? "a literal"} is not a node of this document."));
            return null;
        }

        private double? ReadDouble(LdNode node, string property, string name)
        {
            if (OneLiteral(node, property) is not { } text) return null;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
            errors.Add(At(node, name, "invalid-value", "A decimal number."));
            return null;
        }
    }
}

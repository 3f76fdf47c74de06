using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using Guichet.Orient.Catalogue;

namespace Guichet.Orient.Cpsv;

/// The published catalogue as one CPSV-AP 3.2 JSON-LD document (mapping: ADR 0006): every
/// organisation, unit and channel, and the published services. Deterministic: the same catalogue
/// gives the same bytes, whatever the database.
internal sealed class CpsvExport(GuichetDb db, CodeLists codes, Texts texts)
{
    public const string MediaType = "application/ld+json";

    private static readonly JsonSerializerOptions Output = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<string> ExportAsync(string baseUri, CancellationToken ct)
    {
        var organisations = await db.Set<Organisation>().AsNoTracking().ToListAsync(ct);
        var units = await db.Set<Unit>().AsNoTracking().ToListAsync(ct);
        var channels = await db.Set<Channel>().AsNoTracking().ToListAsync(ct);
        var services = await db.Set<PublicService>().AsNoTracking().Where(s => s.Status == ServiceStatus.Published).ToListAsync(ct);
        var document = new Builder(new CatalogueIris(baseUri), codes, texts).Build(organisations, units, channels, services);
        return document.ToJsonString(Output);
    }

    private static JsonObject Context() => new(Ns.Prefixes.Select(p => KeyValuePair.Create(p.Prefix, (JsonNode?)JsonValue.Create(p.Iri))));

    private sealed class Builder(CatalogueIris iris, CodeLists codes, Texts texts)
    {
        private readonly JsonArray _graph = [];
        private readonly Dictionary<string, JsonObject> _shared = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, List<string>> _eventServices = new(StringComparer.Ordinal);
        private readonly HashSet<Guid> _withContactPoint = [];

        public JsonObject Build(List<Organisation> organisations, List<Unit> units, List<Channel> channels, List<PublicService> services)
        {
            var byId = organisations.ToDictionary(o => o.Id);
            foreach (var o in organisations.OrderBy(o => o.Slug, StringComparer.Ordinal))
                _graph.Add(OrganisationNode(o));
            foreach (var u in units.OrderBy(u => byId[u.OrganisationId].Slug, StringComparer.Ordinal).ThenBy(u => u.Slug, StringComparer.Ordinal))
                _graph.Add(UnitNode(u));
            foreach (var c in channels.OrderBy(c => c.Slug, StringComparer.Ordinal))
                ChannelNodes(c, byId[c.OrganisationId]);
            foreach (var s in services.OrderBy(s => s.Slug, StringComparer.Ordinal))
                ServiceNodes(s, byId[s.OrganisationId]);
            foreach (var (eventIri, serviceIris) in _eventServices)
                _shared[eventIri]["cv:hasRelatedService"] = new JsonArray([.. serviceIris.Select(Ref)]);

            foreach (var (_, node) in _shared.OrderBy(s => s.Key, StringComparer.Ordinal))
                _graph.Add(node);
            return new JsonObject { ["@context"] = Context(), ["@graph"] = _graph };
        }

        private JsonObject OrganisationNode(Organisation o)
        {
            var node = new JsonObject
            {
                ["@id"] = iris.Organisation(o.Id),
                ["@type"] = new JsonArray("cv:PublicOrganisation", "org:Organization"),
                ["dct:identifier"] = o.Id.ToString(),
                ["guichet:slug"] = o.Slug,
                ["skos:prefLabel"] = Texts(o.Name),
            };
            if (Texts(o.Description) is { Count: > 0 } description) node["dct:description"] = description;
            if (o.Homepage is { } homepage) node["foaf:homepage"] = Document(homepage);
            node["org:classification"] = Concept(CatalogueIris.OrganisationKinds, CpsvMapping.Code(o.Kind),
                CpsvMapping.Label(texts, "cpsv.organisation-kind." + CpsvMapping.Code(o.Kind)));
            node["guichet:primaryLanguage"] = o.PrimaryLanguage;
            node["guichet:external"] = o.External;
            node["dct:spatial"] = Location(Ns.AtuBelgium);
            return node;
        }

        private JsonObject UnitNode(Unit u) => new()
        {
            ["@id"] = iris.Unit(u.Id),
            ["@type"] = new JsonArray("org:OrganizationalUnit", "org:Organization"),
            ["dct:identifier"] = u.Id.ToString(),
            ["guichet:slug"] = u.Slug,
            ["skos:prefLabel"] = Texts(u.Name),
            ["org:unitOf"] = Ref(iris.Organisation(u.OrganisationId)),
            ["org:subOrganizationOf"] = Ref(u.ParentId is { } parent ? iris.Unit(parent) : iris.Organisation(u.OrganisationId)),
        };

        private void ChannelNodes(Channel c, Organisation o)
        {
            var iri = iris.Channel(c.Id);
            var kind = CpsvMapping.Code(c.Kind);
            var node = new JsonObject
            {
                ["@id"] = iri,
                ["@type"] = "cv:Channel",
                ["dct:identifier"] = c.Id.ToString(),
                ["guichet:slug"] = c.Slug,
                ["dct:type"] = Concept(CatalogueIris.ChannelTypes, kind, CpsvMapping.Label(texts, "cpsv.channel-kind." + kind)),
                ["dct:title"] = Texts(c.Name),
                ["cv:ownedBy"] = c.UnitId is { } unit
                    ? new JsonArray(Ref(iris.Organisation(c.OrganisationId)), Ref(iris.Unit(unit)))
                    : Ref(iris.Organisation(c.OrganisationId)),
            };
            _graph.Add(node);

            if (c.Address is { } address)
            {
                var addressIri = iri + "/address";
                node["locn:address"] = Ref(addressIri);
                var full = new JsonArray();
                foreach (var language in LocalizedText.Languages.Where(address.City.Has))
                    full.Add(Text($"{address.Street}, {address.Postcode} {address.City[language]}", language));
                _graph.Add(new JsonObject
                {
                    ["@id"] = addressIri,
                    ["@type"] = "locn:Address",
                    // The street is written once, in the organisation's language.
                    ["locn:thoroughfare"] = Text(address.Street, o.PrimaryLanguage),
                    ["locn:postCode"] = address.Postcode,
                    ["locn:postName"] = Texts(address.City),
                    ["locn:fullAddress"] = full,
                });
            }
            if (c.Latitude is { } lat) node["geo:lat"] = Typed(CpsvMapping.Double(lat), "xsd:double");
            if (c.Longitude is { } lon) node["geo:long"] = Typed(CpsvMapping.Double(lon), "xsd:double");

            var (regular, special) = c.OpeningHours is { } hours ? OpeningHoursNodes(iri, hours) : ([], []);
            if (regular.Count > 0) node["cv:openingHours"] = Refs(regular);
            if (special.Count > 0) node["cv:specialOpeningHoursSpecification"] = Refs(special);
            if (c.OpeningHours is { } json)
                node["guichet:openingHours"] = new JsonObject { ["@value"] = JsonSerializer.SerializeToNode(json, JsonColumn.Options), ["@type"] = "@json" };

            if (c.Phone is null && c.Email is null && c.Url is null && regular.Count == 0 && special.Count == 0) return;
            var contactIri = iri + "/contact-point";
            _withContactPoint.Add(c.Id);
            node["cv:contactPoint"] = Ref(contactIri);
            var contact = new JsonObject { ["@id"] = contactIri, ["@type"] = "cv:ContactPoint" };
            if (c.Email is { } email) contact["cv:email"] = email;
            if (c.Phone is { } phone) contact["cv:telephone"] = phone;
            if (c.Url is { } url) contact["cv:contactPage"] = Document(url);
            if (regular.Count > 0) contact["cv:openingHours"] = Refs(regular);
            if (special.Count > 0) contact["cv:specialOpeningHoursSpecification"] = Refs(special);
            _graph.Add(contact);
        }

        /// The OWL-Time projection of the opening hours, for CPSV-AP readers: one weekly
        /// time:TemporalEntity per slot, one per closure and special opening. Guichet itself reads
        /// the exact document back from guichet:openingHours.
        private (List<string> Regular, List<string> Special) OpeningHoursNodes(string channelIri, OpeningHours hours)
        {
            var regular = new List<string>();
            var special = new List<string>();
            for (var p = 0; p < hours.Periods.Count; p++)
            {
                var period = hours.Periods[p];
                var seasonal = period.From is not null && period.To is not null;
                for (var s = 0; s < period.Hours.Count; s++)
                {
                    var slot = period.Hours[s];
                    if (!OpeningHours.TryParseDay(slot.Day, out _) || !OpeningHours.TryParseTime(slot.Opens, out var opens) || !OpeningHours.TryParseTime(slot.Closes, out var closes))
                        continue;
                    var iri = $"{channelIri}/opening-hours/{p + 1}/{s + 1}";
                    var description = new JsonArray();
                    foreach (var language in LocalizedText.Languages)
                    {
                        var text = Format(language, "cpsv.opening-hours.slot", texts.Get(language, "cpsv.day." + slot.Day), slot.Opens, slot.Closes);
                        if (seasonal)
                            text = Format(language, "cpsv.opening-hours.season", period.Name is { } name && name.Has(language) ? name[language]! : $"{period.From} – {period.To}", text);
                        description.Add(Text(text, language));
                    }
                    var node = new JsonObject
                    {
                        ["@id"] = iri,
                        ["@type"] = "time:TemporalEntity",
                        ["cv:frequency"] = Concept(Ns.Weekly),
                        ["dct:description"] = description,
                        ["time:hasBeginning"] = WeeklyInstant(slot.Day, opens),
                        ["time:hasEnd"] = WeeklyInstant(slot.Day, closes),
                    };
                    if (seasonal)
                    {
                        node["guichet:validFrom"] = Typed("--" + period.From, "xsd:gMonthDay");
                        node["guichet:validTo"] = Typed("--" + period.To, "xsd:gMonthDay");
                    }
                    _graph.Add(node);
                    regular.Add(iri);
                }
            }
            if (hours.ClosedOnPublicHolidays)
            {
                var iri = channelIri + "/public-holidays";
                _graph.Add(new JsonObject
                {
                    ["@id"] = iri,
                    ["@type"] = "time:TemporalEntity",
                    ["cv:frequency"] = Concept(Ns.Annual),
                    ["dct:description"] = Texts(CpsvMapping.Label(texts, "cpsv.opening-hours.public-holidays")),
                });
                special.Add(iri);
            }
            for (var i = 0; i < hours.Closures.Count; i++)
            {
                var closure = hours.Closures[i];
                if (!OpeningHours.TryParseDate(closure.From, out var from) || !OpeningHours.TryParseDate(closure.To, out var to)) continue;
                var iri = $"{channelIri}/closure/{i + 1}";
                var description = new JsonArray();
                foreach (var language in LocalizedText.Languages)
                    description.Add(Text(closure.Reason is { } reason && reason.Has(language)
                        ? Format(language, "cpsv.opening-hours.closed-because", reason[language]!)
                        : texts.Get(language, "cpsv.opening-hours.closed"), language));
                _graph.Add(new JsonObject
                {
                    ["@id"] = iri,
                    ["@type"] = "time:TemporalEntity",
                    ["dct:description"] = description,
                    ["time:hasBeginning"] = Instant(BrusselsTime.ToInstant(from, TimeOnly.MinValue)),
                    ["time:hasEnd"] = Instant(BrusselsTime.ToInstant(to.AddDays(1), TimeOnly.MinValue)),
                });
                special.Add(iri);
            }
            for (var i = 0; i < hours.SpecialOpenings.Count; i++)
            {
                var opening = hours.SpecialOpenings[i];
                if (!OpeningHours.TryParseDate(opening.Date, out var date) || !OpeningHours.TryParseTime(opening.Opens, out var opens) || !OpeningHours.TryParseTime(opening.Closes, out var closes))
                    continue;
                var iri = $"{channelIri}/special-opening/{i + 1}";
                var description = new JsonArray();
                foreach (var language in LocalizedText.Languages)
                    description.Add(Text(opening.Reason is { } reason && reason.Has(language)
                        ? Format(language, "cpsv.opening-hours.special-because", opening.Opens, opening.Closes, reason[language]!)
                        : Format(language, "cpsv.opening-hours.special", opening.Opens, opening.Closes), language));
                _graph.Add(new JsonObject
                {
                    ["@id"] = iri,
                    ["@type"] = "time:TemporalEntity",
                    ["dct:description"] = description,
                    ["time:hasBeginning"] = Instant(BrusselsTime.ToInstant(date, opens)),
                    ["time:hasEnd"] = Instant(BrusselsTime.ToInstant(date, closes)),
                });
                special.Add(iri);
            }
            return (regular, special);
        }

        private void ServiceNodes(PublicService s, Organisation o)
        {
            var c = s.Content;
            var iri = iris.Service(s.Id);
            var organisation = iris.Organisation(o.Id);
            var description = c.Description;
            if (c.ProcessingTime is { Unit: DayCount.Working } working)
                foreach (var language in LocalizedText.Languages.Where(description.Has))
                    description = description.With(language, description[language] + CpsvMapping.NoteSeparator + CpsvMapping.WorkingDaysNote(texts, language, working.Days));

            var node = new JsonObject
            {
                ["@id"] = iri,
                ["@type"] = "cpsv:PublicService",
                ["dct:identifier"] = s.Id.ToString(),
                ["guichet:slug"] = c.Slug,
                ["dct:title"] = Texts(c.Name),
                ["dct:description"] = Texts(description),
            };
            var keywords = new JsonArray();
            foreach (var language in LocalizedText.Languages)
                foreach (var keyword in c.Keywords[language])
                    keywords.Add(Text(keyword, language));
            if (keywords.Count > 0) node["dcat:keyword"] = keywords;
            node["dct:language"] = new JsonArray([.. LocalizedText.Languages.Where(c.Name.Has).Select(l => Shared(Ns.LanguageIri(l), "dct:LinguisticSystem"))]);
            node["dct:audience"] = new JsonArray([.. c.Audiences.Select(a => Concept(CatalogueIris.Audiences, CpsvMapping.Code(a), CpsvMapping.Label(texts, "cpsv.audience." + CpsvMapping.Code(a))))]);
            if (c.Themes.Count > 0)
                node["cv:thematicArea"] = new JsonArray([.. c.Themes.Select(t => Concept(CatalogueIris.Themes, t, codes.Themes.GetValueOrDefault(t)))]);
            var events = c.LifeEvents.Select(e => Event(CatalogueIris.LifeEvents, "cv:LifeEvent", e, codes.LifeEvents.GetValueOrDefault(e), iri))
                .Concat(c.BusinessEvents.Select(e => Event(CatalogueIris.BusinessEvents, "cv:BusinessEvent", e, codes.BusinessEvents.GetValueOrDefault(e), iri)))
                .ToList();
            if (events.Count > 0) node["cv:isGroupedBy"] = new JsonArray([.. events]);
            node["cv:hasCompetentAuthority"] = Ref(organisation);
            if (c.UnitId is { } unit) node["guichet:unit"] = Ref(iris.Unit(unit));
            if (c.ChannelIds.Count > 0)
            {
                node["cv:hasChannel"] = new JsonArray([.. c.ChannelIds.Select(id => Ref(iris.Channel(id)))]);
                var contactPoints = c.ChannelIds.Where(_withContactPoint.Contains).Select(id => Ref(iris.Channel(id) + "/contact-point")).ToList();
                if (contactPoints.Count > 0) node["cv:contactPoint"] = new JsonArray([.. contactPoints]);
            }
            _graph.Add(node);

            if (c.Cost is { IsEmpty: false } cost)
            {
                var costNode = new JsonObject
                {
                    ["@id"] = iri + "/cost",
                    ["@type"] = "cv:Cost",
                    ["dct:identifier"] = $"{s.Id}/cost",
                    ["dct:description"] = Texts(cost),
                    ["cv:isDefinedBy"] = Ref(organisation),
                };
                if (CpsvMapping.EuroAmount(cost[o.PrimaryLanguage], o.PrimaryLanguage) is { } amount)
                {
                    costNode["cv:hasValue"] = Typed(CpsvMapping.Double(amount), "xsd:double");
                    costNode["cv:currency"] = Concept(Ns.Euro);
                }
                node["cv:hasCost"] = Ref(iri + "/cost");
                _graph.Add(costNode);
            }
            if (c.Output is { IsEmpty: false } output)
            {
                node["cpsv:produces"] = Ref(iri + "/output");
                _graph.Add(new JsonObject
                {
                    ["@id"] = iri + "/output",
                    ["@type"] = "cv:Output",
                    ["dct:identifier"] = $"{s.Id}/output",
                    ["dct:title"] = Texts(output),
                });
            }
            Numbered(node, "cpsv:hasInput", $"{iri}/evidence", c.Evidence, (evidence, evidenceIri, n) => new JsonObject
            {
                ["@id"] = evidenceIri,
                ["@type"] = "cv:Evidence",
                ["dct:identifier"] = $"{s.Id}/evidence/{n}",
                ["dct:title"] = Texts(evidence),
            });
            Numbered(node, "cv:hasLegalResource", $"{iri}/legal-resource", c.LegalResources, (legal, legalIri, _) => new JsonObject
            {
                ["@id"] = legalIri,
                ["@type"] = "eli:LegalResource",
                ["eli:title"] = Texts(legal.Title),
                ["foaf:page"] = Document(legal.Url),
            });
            if (c.ProcessingTime is { } time)
            {
                node["cv:processingTime"] = Typed(CpsvMapping.Duration(time.Unit == DayCount.Working ? CpsvMapping.CalendarDaysFor(time.Days) : time.Days), "xsd:duration");
                if (time.Unit == DayCount.Working) node["guichet:processingTimeWorkingDays"] = time.Days;
            }
            if (Texts(c.AppealSummary) is { Count: > 0 } appeal) node["guichet:appealSummary"] = appeal;
        }

        /// A life or business event: a cv:Event (what cv:isGroupedBy requires) classified by the
        /// skos:Concept of the same code.
        private JsonObject Event(string list, string type, string code, LocalizedText? label, string serviceIri)
        {
            var iri = iris.Event(list, code);
            if (!_shared.ContainsKey(iri))
                _shared[iri] = new JsonObject
                {
                    ["@id"] = iri,
                    ["@type"] = new JsonArray(type, "cv:Event"),
                    ["dct:identifier"] = code,
                    ["dct:title"] = Texts(label ?? new LocalizedText { En = code }),
                    ["dct:type"] = Concept(list, code, label),
                };
            if (!_eventServices.TryGetValue(iri, out var related)) _eventServices[iri] = related = [];
            related.Add(serviceIri);
            return Ref(iri);
        }

        private JsonObject Concept(string list, string code, LocalizedText? label)
        {
            var iri = iris.Concept(list, code);
            if (!_shared.ContainsKey(iri))
                _shared[iri] = new JsonObject
                {
                    ["@id"] = iri,
                    ["@type"] = "skos:Concept",
                    ["skos:prefLabel"] = Texts(label ?? new LocalizedText { En = code }),
                    ["skos:notation"] = code,
                };
            return Ref(iri);
        }

        /// A code of an EU authority table, typed in the document (nothing is dereferenced).
        private JsonObject Concept(string iri) => Shared(iri, "skos:Concept");

        private JsonObject Location(string iri) => Shared(iri, "dct:Location");

        private JsonObject Document(string url) => Shared(url, "foaf:Document");

        private JsonObject Shared(string iri, string type)
        {
            _shared.TryAdd(iri, new JsonObject { ["@id"] = iri, ["@type"] = type });
            return Ref(iri);
        }

        private string Format(string language, string key, params object?[] args) =>
            string.Format(CultureInfo.InvariantCulture, texts.Get(language, key), args);

        private static JsonObject WeeklyInstant(string day, TimeOnly time) => new()
        {
            ["@type"] = "time:Instant",
            ["time:inDateTime"] = new JsonObject
            {
                ["@type"] = "time:DateTimeDescription",
                ["time:unitType"] = Ref("time:unitMinute"),
                ["time:dayOfWeek"] = Ref("time:" + CultureInfo.InvariantCulture.TextInfo.ToTitleCase(day)),
                ["time:hour"] = Typed(time.Hour.ToString(CultureInfo.InvariantCulture), "xsd:nonNegativeInteger"),
                ["time:minute"] = Typed(time.Minute.ToString(CultureInfo.InvariantCulture), "xsd:nonNegativeInteger"),
            },
        };

        private static JsonObject Instant(DateTimeOffset instant) => new()
        {
            ["@type"] = "time:Instant",
            ["time:inXSDDateTimeStamp"] = Typed(
                TimeZoneInfo.ConvertTime(instant, BrusselsTime.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), "xsd:dateTimeStamp"),
        };

        /// The nodes of a list kept in order (evidence, legal resources): {prefix}/1, {prefix}/2, ...
        /// each with its guichet:position, referred to from <paramref name="owner"/>'s property.
        private void Numbered<T>(JsonObject owner, string property, string prefix, IReadOnlyList<T> items, Func<T, string, int, JsonObject> describe)
        {
            if (items.Count == 0) return;
            var refs = new JsonArray();
            for (var i = 0; i < items.Count; i++)
            {
                var itemIri = $"{prefix}/{i + 1}";
                refs.Add(Ref(itemIri));
                var item = describe(items[i], itemIri, i + 1);
                item["guichet:position"] = i + 1;
                _graph.Add(item);
            }
            owner[property] = refs;
        }

        private static JsonObject Ref(string iri) => new() { ["@id"] = iri };

        private static JsonArray Refs(IEnumerable<string> iris) => [.. iris.Select(i => (JsonNode)Ref(i))];

        private static JsonObject Typed(string value, string type) => new() { ["@value"] = value, ["@type"] = type };

        private static JsonObject Text(string value, string language) => new() { ["@value"] = value, ["@language"] = language };

        /// Every language the text exists in, as language-tagged literals.
        private static JsonArray Texts(LocalizedText? text) =>
            text is null ? [] : [.. LocalizedText.Languages.Where(text.Has).Select(l => (JsonNode)Text(text[l]!, l))];
    }
}

package org.counterspace.directory.search;

import java.util.EnumMap;
import java.util.Map;

import org.counterspace.directory.Address;
import org.counterspace.directory.Location;
import org.counterspace.directory.Organization;
import org.counterspace.directory.ServiceAtLocation;
import org.counterspace.directory.SupportService;
import org.counterspace.directory.TaxonomyTerm;
import org.counterspace.directory.WeeklyHours;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.engine.backend.types.dsl.IndexFieldTypeFactory;
import org.hibernate.search.engine.spatial.GeoPoint;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;

/**
 * Writes one search document per service. Everything a query or a facet needs is derived here
 * from the service and its phones, schedules, languages, terms and locations. Because those live
 * in other tables, the binder declares no automatic dependencies: {@link DirectoryIndex} reindexes
 * a service whenever the directory changes it. Public with a no-argument constructor because Hibernate
 * Search instantiates it by reflection; in this internal package, so other modules cannot reach it.
 */
public class ServiceIndexBinder implements TypeBinder {

    /** The name, stemmed and shown on cards; every searchable text is in the fields of {@link WordField}. */
    public static final String NAME = "name";
    public static final String STATUS = "status";
    public static final String CATEGORY = "category";
    public static final String CHANNEL = "channel";
    public static final String LANGUAGE = "language";
    public static final String AGE = "age";
    public static final String COUNTRY = "country";
    public static final String FREE = "free";
    /** free, paid or unknown: the facet that shows "Cost not known". */
    public static final String COST = "cost";
    public static final String NATIONAL = "national";
    public static final String ZONE = "zone";
    public static final String POINT = "point";
    /** Weekly openings as doc values; a new name, as indexes before kept points under "openings". */
    public static final String OPENINGS = "open_minutes";

    public static final String SORT_NAME = "sort_name";

    // Stored only, for result cards (ServiceCard).
    public static final String SUMMARY = "summary";
    public static final String TERM_NAMES = "term_names";
    public static final String PHONE = "phone";
    public static final String HOURS = "hours";
    public static final String TOWNS = "towns";
    public static final String DEMO = "demo";

    /**
     * Written on every document, named after the layout of the fields: an index without it was
     * written by an earlier version and is started anew. A change of fields or of what they hold
     * takes the next name.
     */
    public static final String LAYOUT = "layout_5";

    @Override
    public void bind(TypeBindingContext context) {
        context.dependencies().useRootOnly();
        IndexSchemaElement schema = context.indexSchemaElement();
        IndexFieldTypeFactory types = context.typeFactory();
        var stemmed = types.asString().analyzer(DirectoryAnalysis.STEMMED).toIndexFieldType();
        var shownText = types.asString().analyzer(DirectoryAnalysis.STEMMED).projectable(Projectable.YES)
            .toIndexFieldType();
        var stored = types.asString().searchable(Searchable.NO).projectable(Projectable.YES).toIndexFieldType();
        var plain = types.asString().analyzer(DirectoryAnalysis.PLAIN).toIndexFieldType();
        Map<WordField, IndexFieldReference<String>> stemmedWords = new EnumMap<>(WordField.class);
        Map<WordField, IndexFieldReference<String>> plainWords = new EnumMap<>(WordField.class);
        for (WordField field : WordField.values()) {
            // the name is one value, projected onto the cards
            stemmedWords.put(field, field == WordField.NAME ? schema.field(NAME, shownText).toReference()
                    : schema.field(field.stemmed(), stemmed).multiValued().toReference());
            plainWords.put(field, schema.field(field.plain(), plain).multiValued().toReference());
        }
        var keyword = types.asString().aggregable(Aggregable.YES).toIndexFieldType();
        var flag = types.asBoolean().aggregable(Aggregable.YES).projectable(Projectable.YES).toIndexFieldType();
        Fields fields = new Fields(stemmedWords, plainWords, schema.field(STATUS, keyword).toReference(),
                schema.field(CATEGORY, keyword).multiValued().toReference(),
                schema.field(CHANNEL, keyword).multiValued().toReference(),
                schema.field(LANGUAGE, keyword).multiValued().toReference(),
                schema.field(AGE, keyword).toReference(),
                schema.field(COUNTRY, keyword).toReference(),
                schema.field(FREE, flag).toReference(),
                schema.field(COST, keyword).toReference(),
                schema.field(NATIONAL, flag).toReference(),
                schema.field(ZONE, types.asString().aggregable(Aggregable.YES).projectable(Projectable.YES))
                    .toReference(),
                schema.field(POINT, types.asGeoPoint().sortable(Sortable.YES).projectable(Projectable.YES))
                    .multiValued().toReference(),
                SearchBackend.of(types).openings(schema, types, OPENINGS),
                schema.field(SORT_NAME, types.asString().normalizer(DirectoryAnalysis.SORT).sortable(Sortable.YES))
                    .toReference(),
                schema.field(SUMMARY, stored).toReference(), schema.field(TERM_NAMES, stored).multiValued().toReference(),
                schema.field(PHONE, stored).toReference(), schema.field(HOURS, stored).toReference(),
                schema.field(TOWNS, stored).multiValued().toReference(), schema.field(DEMO, flag).toReference(),
                schema.field(LAYOUT, types.asBoolean()).toReference());
        context.bridge(SupportService.class, new Bridge(fields));
    }

    private record Fields(Map<WordField, IndexFieldReference<String>> stemmed,
            Map<WordField, IndexFieldReference<String>> plain, IndexFieldReference<String> status, IndexFieldReference<String> category,
            IndexFieldReference<String> channel, IndexFieldReference<String> language,
            IndexFieldReference<String> age, IndexFieldReference<String> country, IndexFieldReference<Boolean> free,
            IndexFieldReference<String> cost,
            IndexFieldReference<Boolean> national, IndexFieldReference<String> zone,
            IndexFieldReference<GeoPoint> point, SearchBackend.Openings openings,
            IndexFieldReference<String> sortName, IndexFieldReference<String> summary,
            IndexFieldReference<String> termNames, IndexFieldReference<String> phone,
            IndexFieldReference<String> hours, IndexFieldReference<String> towns, IndexFieldReference<Boolean> demo,
            IndexFieldReference<Boolean> layout) {
    }

    private record Bridge(Fields f) implements TypeBridge<SupportService> {

        @Override
        public void write(DocumentElement doc, SupportService service, TypeBridgeWriteContext context) {
            writeWords(doc, service);
            writeFilters(doc, service);
            WeeklyHours hours = service.hours();
            hours.indexRanges().forEach(range -> f.openings().add(doc, range));
            doc.addValue(f.hours(), hours.rangesText());
            doc.addValue(f.summary(), ServiceCard.summary(service.about().description()));
            service.mainPhone().ifPresent(phone -> doc.addValue(f.phone(), phone.getNumber()));
            doc.addValue(f.demo(), service.provenance().demo());
            doc.addValue(f.layout(), true);
        }

        /** What a search matches words against, each text in the fields of its kind. */
        private void writeWords(DocumentElement doc, SupportService service) {
            words(doc, WordField.NAME, service.getName());
            doc.addValue(f.sortName(), service.getName());
            Organization organization = service.getOrganization();
            words(doc, WordField.ORGANISATION, organization == null ? null : organization.getName());
            for (String text : new String[] { service.about().alternateName(), service.about().description(),
                    service.access().eligibilityDescription(), service.coverage().serviceArea(),
                    organization == null ? null : organization.getDescription() }) {
                words(doc, WordField.DESCRIPTION, text);
            }
            // places are searched like the service's own words: "counselling sheffield", "94063 food"
            service.towns().forEach(town -> doc.addValue(f.towns(), town));
            for (ServiceAtLocation sal : service.getServiceAtLocations()) {
                Location location = sal.getLocation();
                words(doc, WordField.PLACE, location.getName());
                words(doc, WordField.PLACE, location.getDescription());
                for (Address address : location.getAddresses()) {
                    for (String text : new String[] { address.getAddress1(), address.getAddress2(), address.getCity(),
                            address.getRegion(), address.getStateProvince(), address.getPostalCode() }) {
                        words(doc, WordField.PLACE, text);
                    }
                }
            }
            service.getTerms().stream().map(TaxonomyTerm::getName).sorted()
                .forEach(name -> doc.addValue(f.termNames(), name));
            for (TaxonomyTerm term : service.getTerms()) {
                words(doc, WordField.KEYWORDS, term.getName());
                if (term.getCode() != null) {
                    doc.addValue(f.category(), term.getCode());
                }
            }
        }

        private void words(DocumentElement doc, WordField field, String text) {
            if (text != null && !text.isBlank()) {
                doc.addValue(f.stemmed().get(field), text);
                doc.addValue(f.plain().get(field), text);
            }
        }

        /** What filters, facets and the distance sort read. */
        private void writeFilters(DocumentElement doc, SupportService service) {
            doc.addValue(f.status(), service.getStatus());
            service.getChannels().forEach(channel -> doc.addValue(f.channel(), channel.code()));
            service.getLanguages().forEach(language -> doc.addValue(f.language(), language.getCode()));
            doc.addValue(f.age(), service.access().ageGroup().code());
            doc.addValue(f.country(), service.coverage().country());
            doc.addValue(f.free(), service.fees().free());
            doc.addValue(f.cost(), service.fees().cost().code());
            doc.addValue(f.national(), service.provenance().national());
            doc.addValue(f.zone(), service.getTimeZone().getId());
            for (ServiceAtLocation sal : service.getServiceAtLocations()) {
                Location location = sal.getLocation();
                if (location.hasCoordinates()) {
                    doc.addValue(f.point(), GeoPoint.of(location.getLatitude(), location.getLongitude()));
                }
            }
        }
    }
}

package org.counterspace.directory.search;

import org.apache.lucene.document.SortedNumericDocValuesField;
import org.counterspace.directory.Location;
import org.counterspace.directory.ServiceAtLocation;
import org.counterspace.directory.SupportService;
import org.counterspace.directory.TaxonomyTerm;
import org.counterspace.directory.WeeklyHours;
import org.hibernate.search.backend.lucene.LuceneExtension;
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

    public static final String NAME = "name";
    /** The name and every other searchable text: one field, so a keyword is one term to match. */
    public static final String TEXT = "text";
    public static final String NAME_PLAIN = "name_plain";
    public static final String BODY_PLAIN = "body_plain";
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
    public static final String LAYOUT = "layout_4";

    @Override
    public void bind(TypeBindingContext context) {
        context.dependencies().useRootOnly();
        IndexSchemaElement schema = context.indexSchemaElement();
        IndexFieldTypeFactory types = context.typeFactory();
        var text = types.asString().analyzer(DirectoryAnalysis.INDEX).searchAnalyzer(DirectoryAnalysis.QUERY)
            .toIndexFieldType();
        var shownText = types.asString().analyzer(DirectoryAnalysis.INDEX).searchAnalyzer(DirectoryAnalysis.QUERY)
            .projectable(Projectable.YES).toIndexFieldType();
        var stored = types.asString().searchable(Searchable.NO).projectable(Projectable.YES).toIndexFieldType();
        var plain = types.asString().analyzer(DirectoryAnalysis.PLAIN).searchAnalyzer(DirectoryAnalysis.PLAIN_QUERY)
            .toIndexFieldType();
        var keyword = types.asString().aggregable(Aggregable.YES).toIndexFieldType();
        var flag = types.asBoolean().aggregable(Aggregable.YES).projectable(Projectable.YES).toIndexFieldType();
        Fields fields = new Fields(schema.field(NAME, shownText).toReference(),
                schema.field(TEXT, text).multiValued().toReference(),
                schema.field(NAME_PLAIN, plain).toReference(),
                schema.field(BODY_PLAIN, plain).multiValued().toReference(),
                schema.field(STATUS, keyword).toReference(),
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
                schema.field(OPENINGS, types.extension(LuceneExtension.get())
                    .asNative(int[].class, (path, range, documentFields) -> documentFields
                        .accept(new SortedNumericDocValuesField(path, OpenAtQuery.pack(range[0], range[1])))))
                    .multiValued().toReference(),
                schema.field(SORT_NAME, types.asString().normalizer(DirectoryAnalysis.SORT).sortable(Sortable.YES))
                    .toReference(),
                schema.field(SUMMARY, stored).toReference(), schema.field(TERM_NAMES, stored).multiValued().toReference(),
                schema.field(PHONE, stored).toReference(), schema.field(HOURS, stored).toReference(),
                schema.field(TOWNS, stored).multiValued().toReference(), schema.field(DEMO, flag).toReference(),
                schema.field(LAYOUT, types.asBoolean()).toReference());
        context.bridge(SupportService.class, new Bridge(fields));
    }

    private record Fields(IndexFieldReference<String> name, IndexFieldReference<String> text,
            IndexFieldReference<String> namePlain, IndexFieldReference<String> bodyPlain,
            IndexFieldReference<String> status, IndexFieldReference<String> category,
            IndexFieldReference<String> channel, IndexFieldReference<String> language,
            IndexFieldReference<String> age, IndexFieldReference<String> country, IndexFieldReference<Boolean> free,
            IndexFieldReference<String> cost,
            IndexFieldReference<Boolean> national, IndexFieldReference<String> zone,
            IndexFieldReference<GeoPoint> point, IndexFieldReference<int[]> openings,
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
            hours.indexRanges().forEach(range -> doc.addValue(f.openings(), range));
            doc.addValue(f.hours(), hours.rangesText());
            doc.addValue(f.summary(), ServiceCard.summary(service.about().description()));
            service.mainPhone().ifPresent(phone -> doc.addValue(f.phone(), phone.getNumber()));
            doc.addValue(f.demo(), service.provenance().demo());
            doc.addValue(f.layout(), true);
        }

        /** What a search matches words against: names, texts, towns and categories. */
        private void writeWords(DocumentElement doc, SupportService service) {
            doc.addValue(f.name(), service.getName());
            doc.addValue(f.text(), service.getName());
            doc.addValue(f.namePlain(), service.getName());
            doc.addValue(f.sortName(), service.getName());
            for (String text : new String[] { service.about().alternateName(), service.about().description(),
                    service.access().eligibilityDescription(), service.coverage().serviceArea(),
                    service.getOrganization() == null ? null : service.getOrganization().getName() }) {
                if (text != null && !text.isBlank()) {
                    doc.addValue(f.text(), text);
                    doc.addValue(f.bodyPlain(), text);
                }
            }
            // a town is searched like the service's own words: "counselling sheffield"
            for (String town : service.towns()) {
                doc.addValue(f.text(), town);
                doc.addValue(f.bodyPlain(), town);
                doc.addValue(f.towns(), town);
            }
            service.getTerms().stream().map(TaxonomyTerm::getName).sorted()
                .forEach(name -> doc.addValue(f.termNames(), name));
            for (TaxonomyTerm term : service.getTerms()) {
                doc.addValue(f.text(), term.getName());
                doc.addValue(f.bodyPlain(), term.getName());
                if (term.getCode() != null) {
                    doc.addValue(f.category(), term.getCode());
                }
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

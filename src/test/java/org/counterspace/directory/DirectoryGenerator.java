package org.counterspace.directory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Writes N fictional services as an HSDS 3 JSON array, for the benchmark (bench/directory.sh):
 * {@code java -cp target/test-classes org.counterspace.directory.DirectoryGenerator 100000 /tmp/services.json}.
 * Seeded, so every run writes the same directory. Only the JDK is needed.
 */
public final class DirectoryGenerator {

    static final List<String> KINDS = List.of("Counselling", "Therapy", "Peer Support Group", "Youth Club",
            "Domestic Abuse Service", "Crisis Line", "LGBTQ+ Group", "Drop-in Centre", "Family Support",
            "Wellbeing Café", "Listening Service", "Recovery Group");

    static final List<String> QUALITIES = List.of("Community", "Riverside", "Northside", "Hillview", "Harbour",
            "Green Lane", "Open Door", "Safe Haven", "Lighthouse", "Bridge", "Meadow", "Old Mill");

    static final List<String> FOCUS = List.of("anxiety and low mood", "family conflict at home",
            "domestic abuse and coercive control", "young people and students", "LGBTQ+ people and families",
            "people in crisis", "carers", "people living with difficult parents", "loneliness and isolation",
            "trauma and recovery");

    static final List<String> CATEGORIES = List.of("counselling", "domestic-abuse", "peer-support", "youth", "lgbtq",
            "community-space", "crisis");

    static final List<String> CHANNELS = List.of("phone", "text", "chat", "in-person", "online");

    static final String[][] PLACES = { { "Leeds", "LS1", "GB", "Europe/London", "53.80", "-1.55" },
            { "Manchester", "M1", "GB", "Europe/London", "53.48", "-2.25" },
            { "Bristol", "BS1", "GB", "Europe/London", "51.45", "-2.59" },
            { "Glasgow", "G1", "GB", "Europe/London", "55.86", "-4.25" },
            { "Dublin", "D01", "IE", "Europe/Dublin", "53.35", "-6.26" },
            { "Portland", "97205", "US", "America/Los_Angeles", "45.52", "-122.69" },
            { "Chicago", "60601", "US", "America/Chicago", "41.89", "-87.62" },
            { "Brisbane", "4000", "AU", "Australia/Brisbane", "-27.47", "153.03" } };

    private DirectoryGenerator() {
    }

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        Path target = Path.of(args[1]);
        Random random = new Random(42);
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            out.write("[\n");
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    out.write(",\n");
                }
                out.write(service(i, random));
            }
            out.write("\n]\n");
        }
    }

    static String service(int i, Random random) {
        String[] place = PLACES[random.nextInt(PLACES.length)];
        String kind = KINDS.get(random.nextInt(KINDS.size()));
        String name = QUALITIES.get(random.nextInt(QUALITIES.size())) + " " + kind + " " + place[0] + " " + i;
        String id = uuid(i, 0);
        String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        String channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
        boolean free = random.nextBoolean();
        double lat = Double.parseDouble(place[4]) + (random.nextDouble() - 0.5) * 0.4;
        double lon = Double.parseDouble(place[5]) + (random.nextDouble() - 0.5) * 0.4;
        int opens = 7 + random.nextInt(6);
        int closes = (opens + 4 + random.nextInt(14)) % 24;
        String days = random.nextBoolean() ? "MO,TU,WE,TH,FR" : "MO,WE,FR,SA";
        String loc = uuid(i, 1);
        return String.format(Locale.ROOT, """
                {"id":"%s","name":"%s","status":"active","description":"%s for %s in %s. Fictional benchmark data.",\
                "fees_description":"%s","last_modified":"2026-11-24T00:00:00Z",\
                "organization":{"id":"%s","name":"%s %s Trust","description":"Benchmark organisation."},\
                "phones":[{"id":"%s","number":"0113 496 %04d","type":"voice"}],\
                "schedules":[{"id":"%s","freq":"WEEKLY","byday":"%s","opens_at":"%02d:00","closes_at":"%02d:00"}],\
                "languages":[{"id":"%s","name":"English","code":"en"}],\
                "service_at_locations":[{"id":"%s","location":{"id":"%s","location_type":"physical","latitude":%.5f,"longitude":%.5f,\
                "addresses":[{"id":"%s","address_1":"%d High Street","city":"%s","state_province":"%s","postal_code":"%s","country":"%s","address_type":"physical"}]}}],\
                "x_counterspace":{"national":false,"demo":true,"free":%s,"channels":["%s"],"age_group":"all","country":"%s","time_zone":"%s"},\
                "attributes":[{"id":"%s","taxonomy_term_id":"%s","link_type":"service","link_entity":"service"}]}""",
                    id, name, kind, FOCUS.get(random.nextInt(FOCUS.size())), place[0],
                    free ? "Free." : "Sliding scale.", uuid(i, 2), QUALITIES.get(i % QUALITIES.size()), place[0],
                    uuid(i, 3), i % 10000, uuid(i, 4), days, opens, closes, uuid(i, 5), uuid(i, 6), loc, lat, lon,
                    uuid(i, 7), 1 + i % 200, place[0], place[0], place[1], place[2], free, channel, place[2], place[3],
                    uuid(i, 8), Categories.termId(category));
    }

    /** Distinct, version-4-shaped ids: the service number in the low bits, the part in the high ones. */
    private static String uuid(int i, int part) {
        return new UUID(0x5eed_0000_0000_4000L | ((long) part << 20), 0x8000_0000_0000_0000L | i).toString();
    }
}

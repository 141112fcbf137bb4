package org.counterspace.directory;

/** A place on Earth, in degrees. */
public record Point(double latitude, double longitude) {

    public static final double EARTH_RADIUS_KM = 6371.0088;

    public static boolean valid(double latitude, double longitude) {
        return latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180
                && !Double.isNaN(latitude) && !Double.isNaN(longitude);
    }

    /** Great-circle distance (haversine). */
    public double kilometresTo(Point other) {
        double dLat = Math.toRadians(other.latitude - latitude);
        double dLon = Math.toRadians(other.longitude - longitude);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(latitude))
                * Math.cos(Math.toRadians(other.latitude)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}

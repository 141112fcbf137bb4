package org.counterspace.checkin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.counterspace.checkin.TrendCalculator.DailyPoint;

/**
 * Geometry of a server-rendered SVG chart: one dot per day with check-ins (its mean) and a line for
 * the 7-day rolling average. The line breaks where two days with check-ins are more than a week
 * apart, so a quiet stretch is shown as a gap, not as a trend.
 */
public record TrendChart(int width, int height, List<Tick> yTicks, List<Tick> xTicks, List<Dot> dots, List<String> lines) {

    static final int WIDTH = 640;

    static final int HEIGHT = 220;

    static final int LEFT = 40;

    static final int RIGHT = 12;

    static final int TOP = 10;

    static final int BOTTOM = 30;

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    public record Tick(double position, String label) {
    }

    public record Dot(double x, double y) {
    }

    static TrendChart of(List<DailyPoint> points, LocalDate from, LocalDate to, ToDoubleFunction<DailyPoint> value,
            ToDoubleFunction<DailyPoint> average, Scale scale, int step) {
        int min = scale.lowest();
        int max = scale.highest();
        double span = Math.max(1, ChronoUnit.DAYS.between(from, to));
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        ToDoubleFunction<LocalDate> x = day -> round(LEFT + ChronoUnit.DAYS.between(from, day) / span * plotWidth);
        ToDoubleFunction<Double> y = v -> round(TOP + (max - v) / (max - min) * plotHeight);

        List<Tick> yTicks = new ArrayList<>();
        for (int v = min; v <= max; v += step) {
            yTicks.add(new Tick(y.applyAsDouble((double) v), Integer.toString(v)));
        }
        List<Tick> xTicks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            LocalDate day = from.plusDays(Math.round(span * i / 4));
            xTicks.add(new Tick(x.applyAsDouble(day), LABEL.format(day)));
        }

        List<Dot> dots = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        LocalDate previous = null;
        for (DailyPoint point : points) {
            dots.add(new Dot(x.applyAsDouble(point.day()), y.applyAsDouble(value.applyAsDouble(point))));
            if (previous != null && ChronoUnit.DAYS.between(previous, point.day()) > TrendCalculator.WINDOW_DAYS) {
                lines.add(line.toString().strip());
                line.setLength(0);
            }
            line.append(x.applyAsDouble(point.day())).append(',').append(y.applyAsDouble(average.applyAsDouble(point))).append(' ');
            previous = point.day();
        }
        if (!line.isEmpty()) {
            lines.add(line.toString().strip());
        }
        return new TrendChart(WIDTH, HEIGHT, yTicks, xTicks, dots, lines);
    }

    /**
     * The dots as SVG markup. A year has hundreds of them, and rendering them element by element
     * through the template engine was a large share of the trends page's time. Only numbers go in.
     */
    public String dotsMarkup() {
        StringBuilder markup = new StringBuilder(dots.size() * 56);
        for (Dot dot : dots) {
            markup.append("<circle class=\"chart-dot\" cx=\"").append(dot.x()).append("\" cy=\"").append(dot.y())
                .append("\" r=\"3\"></circle>\n");
        }
        return markup.toString();
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }

    public int plotLeft() {
        return LEFT;
    }

    public int plotRight() {
        return WIDTH - RIGHT;
    }

    public int labelY() {
        return HEIGHT - 8;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}

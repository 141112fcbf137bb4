package org.counterspace.directory.hsds;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What a zip of CSV tables may unpack to: the CSV importer unpacks the tables to disk, so a zip bomb
 * (a small file that unpacks to gigabytes) is refused as soon as it passes either limit, before it
 * fills the disk.
 *
 * @param maxUnpacked the most all the tables of one zip may add up to, unpacked
 * @param maxRatio the most a zip may unpack to, as a multiple of its own size
 */
@ConfigurationProperties("counterspace.directory.import-limits")
public record ImportLimits(@DefaultValue("1GB") DataSize maxUnpacked, @DefaultValue("100") int maxRatio) {
}

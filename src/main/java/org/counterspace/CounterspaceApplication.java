package org.counterspace;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CounterspaceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CounterspaceApplication.class, args);
    }
}

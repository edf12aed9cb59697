package org.duban;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DubanApplication {

  /** Timers and deadlines are hospital-local; every node must agree on the zone. */
  public static final String ZONE = "Asia/Shanghai";

  public static void main(String[] args) {
    TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
    SpringApplication.run(DubanApplication.class, args);
  }
}

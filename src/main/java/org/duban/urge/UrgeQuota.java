package org.duban.urge;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import java.io.Serializable;
import java.time.LocalDate;

/** How many urges a person made on a day; locked while a new urge is checked against the limits. */
@Entity
class UrgeQuota {

  @Embeddable
  record Key(String urger, LocalDate quotaDay) implements Serializable {}

  @EmbeddedId private Key key;
  private int used;

  protected UrgeQuota() {}

  UrgeQuota(String urger, LocalDate day) {
    this.key = new Key(urger, day);
  }

  int used() {
    return used;
  }

  void use() {
    used++;
  }
}

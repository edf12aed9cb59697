package org.duban.decomposition;

/** The upload was confirmed, discarded or cleared after a day, or belongs to someone else. */
class UploadGone extends RuntimeException {

  UploadGone() {
    super("decomposition upload gone");
  }
}

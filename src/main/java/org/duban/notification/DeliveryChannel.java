package org.duban.notification;

/** Sends one delivery over one channel; throws when it did not go through. */
interface DeliveryChannel {

  Channel channel();

  void deliver(Delivery delivery) throws DeliveryFailed;
}

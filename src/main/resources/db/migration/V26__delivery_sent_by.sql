-- Which node sent a delivery (the dispatcher's node name: pid@host and a random suffix), so that
-- an operator running several nodes can tell where a message went out from; null until sent.
alter table notification_delivery add column sent_by varchar(100);

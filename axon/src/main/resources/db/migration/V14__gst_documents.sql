-- GST documents: the read model of every receipt, tax invoice, credit note and refund voucher issued.
-- The documents themselves are events (GstDocumentIssued); this table lists and filters them, and keeps each one's
-- printable form as JSON so that rendering it never needs anything else.
CREATE TABLE gst_document_view (
    document_id           UUID                     NOT NULL,
    kind                  VARCHAR(20)              NOT NULL,
    number                VARCHAR(16)              NOT NULL,
    financial_year        VARCHAR(5)               NOT NULL,
    sequence              BIGINT                   NOT NULL,
    document_date         DATE                     NOT NULL,
    issued_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    buyer_id              UUID                     NOT NULL,
    buyer_gstin           VARCHAR(15),
    place_of_supply       VARCHAR(2)               NOT NULL,
    tokens                BIGINT                   NOT NULL,
    taxable_value         BIGINT                   NOT NULL,
    cgst                  BIGINT                   NOT NULL,
    sgst                  BIGINT                   NOT NULL,
    igst                  BIGINT                   NOT NULL,
    total                 BIGINT                   NOT NULL,
    currency              VARCHAR(3)               NOT NULL,
    order_id              UUID                     NOT NULL,
    reference_document_id UUID,
    document              VARCHAR(8000)            NOT NULL,
    CONSTRAINT gst_document_view_pk PRIMARY KEY (document_id)
);

CREATE INDEX gst_document_view_date_idx ON gst_document_view (document_date, issued_at);
CREATE INDEX gst_document_view_buyer_idx ON gst_document_view (buyer_id, document_date);
CREATE INDEX gst_document_view_number_idx ON gst_document_view (number);

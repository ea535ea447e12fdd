/** `order-payment-timeout` jobs: 'cancel' cancels one order if still unpaid at its deadline; 'sweep' every overdue one. */
export type OrderPaymentTimeoutJob = { orderId: string } | Record<string, never>;

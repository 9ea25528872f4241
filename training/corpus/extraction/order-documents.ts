import { drawPerson } from '../entities/people.js';
import { drawCalendarDate } from '../formats/dates.js';
import { copied } from '../templates/template.js';
import { defineTextTemplates, type DocumentType } from './document-types.js';
import { dateRenderer, integerRenderer, moneyRenderers, patternValue } from './extraction-values.js';

const SHIPPING = ['standard', 'express', 'next-day', 'click and collect'];

export const ORDER_DOCUMENTS: DocumentType = {
  name: 'order',
  concepts: [
    { concept: 'order_id', names: ['order_id', 'order_number'], schema: { type: 'string', description: 'Order number as written' }, required: true },
    { concept: 'customer', names: ['customer', 'customer_name'], schema: { type: 'string', description: 'Customer name' } },
    { concept: 'product', names: ['product', 'item', 'product_name'], schema: { type: 'string', description: 'Product ordered' }, required: true },
    { concept: 'quantity', names: ['quantity', 'qty'], schema: { type: 'integer', description: 'Number of items' } },
    { concept: 'total', names: ['total', 'amount', 'total_price'], schema: { type: 'number', description: 'Total price' } },
    { concept: 'currency', names: ['currency'], schema: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code' }, statedWith: 'total' },
    { concept: 'order_date', names: ['order_date', 'date'], schema: { type: 'string', format: 'date', description: 'Order date as YYYY-MM-DD' } },
    { concept: 'shipping', names: ['shipping', 'shipping_method', 'delivery'], schema: { type: 'string', enum: SHIPPING, description: 'Shipping method' } },
  ],
  templates: defineTextTemplates('extraction:order', [
    'Order {order_id}<, placed on {order_date}>: <{quantity} x >{product}.< Total: {total}.>< Shipping: {shipping}.>< Customer: {customer}.>',
    'Thanks for your order<, {customer}>! Order number: {order_id}. You bought <{quantity} × >{product}.< You paid {total}.>< It ships {shipping}.>< Ordered on {order_date}.>',
    'Invoice {order_id}\n<Date: {order_date}\n>Item: {product}\n<Qty: {quantity}\n><Amount due: {total}\n><Delivery: {shipping}\n><Bill to: {customer}>',
    'Hi, I\'d like to check on order {order_id}: {product}.< I ordered {quantity} of them.>< I ordered on {order_date}.>< I paid {total}.>< I chose {shipping} shipping.>< My name is {customer}.>',
    'Your {product} (order {order_id}) has shipped.< Quantity: {quantity}.>< Charged: {total}.>< Ordered {order_date}.>< Method: {shipping}.>< Recipient: {customer}.>',
    'Receipt — order {order_id}< for {customer}>\n{product}< (qty {quantity})><\nTotal {total}><\nShipping method: {shipping}><\nPurchased {order_date}>',
  ]),
  draw: ({ random, pool }) => {
    const person = drawPerson(random, pool);
    const product = random.pick(pool.products).name;
    const orderId = patternValue(random, ['ORD-#####', '\\#######', '^##-#######', '###-#######-#######', '^^#####']);
    const quantity = random.weighted<number>([[1, 4], [random.integer(2, 5), 4], [random.integer(6, 24), 1]]);
    const amount = random.chance(0.5) ? random.integer(5, 400) + random.pick([0.99, 0.5, 0.95, 0.49]) : random.integer(10, 3000);
    const money = moneyRenderers(random, amount, random.pick(['USD', 'EUR', 'GBP', 'USD', 'CAD', 'AUD', 'CHF', 'JPY']));
    const shipping = random.pick(SHIPPING);
    return {
      order_id: () => copied(orderId),
      customer: () => copied(person.fullName, [person.firstName, person.lastName]),
      product: () => copied(product, [product]),
      quantity: integerRenderer(random, quantity),
      total: money.amount,
      currency: money.currency,
      order_date: dateRenderer(random, drawCalendarDate(random)),
      shipping: () => copied(shipping),
    };
  },
};

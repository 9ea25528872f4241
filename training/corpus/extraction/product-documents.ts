import { copied, normalisedFill } from '../templates/template.js';
import { defineTextTemplates, type DocumentType } from './document-types.js';
import { moneyRenderers } from './extraction-values.js';

const COLOURS = ['black', 'white', 'navy blue', 'forest green', 'charcoal', 'red', 'sand', 'sky blue', 'silver', 'rose gold', 'mustard yellow', 'olive'];

export const PRODUCT_DOCUMENTS: DocumentType = {
  name: 'product',
  concepts: [
    { concept: 'name', names: ['name', 'product', 'product_name'], schema: { type: 'string', description: 'Product name' }, required: true },
    { concept: 'brand', names: ['brand', 'manufacturer'], schema: { type: 'string', description: 'Brand' } },
    { concept: 'price', names: ['price'], schema: { type: 'number', description: 'Price' } },
    { concept: 'currency', names: ['currency'], schema: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code' }, statedWith: 'price' },
    { concept: 'color', names: ['color', 'colour'], schema: { type: 'string', description: 'Colour' } },
    { concept: 'weight_kg', names: ['weight_kg'], schema: { type: 'number', description: 'Weight in kilograms' } },
    { concept: 'in_stock', names: ['in_stock', 'available'], schema: { type: 'boolean', description: 'Whether it is in stock' } },
  ],
  templates: defineTextTemplates('extraction:product', [
    'The {name}< by {brand}> is available< in {color}>.< Price: {price}.>< Weight: {weight_kg}.>< {in_stock}>',
    '{name}\n<Brand: {brand}\n><Price: {price}\n><Colour: {color}\n><Weight: {weight_kg}\n><Availability: {in_stock:word}>',
    'New in: {name}< from {brand}>!< Only {price}.>< Comes in {color}.>< Weighs {weight_kg}.>< {in_stock}>',
    'I\'m looking at the {name}< ({brand})>.< It costs {price}.>< It weighs {weight_kg}.>< The colour is {color}.>< {in_stock}>',
    'Product: {name}<; brand: {brand}><; colour: {color}><; price: {price}><; weight: {weight_kg}><; stock: {in_stock:word}>',
  ]),
  draw: ({ random, pool }) => {
    const product = random.pick(pool.products);
    const colour = random.pick(COLOURS);
    const grams = random.integer(1, 250) * 20;
    const kilograms = grams / 1000;
    const inStock = random.chance(0.7);
    const money = moneyRenderers(random, random.integer(5, 900) + random.pick([0, 0.99, 0.5, 0.95]), random.pick(['USD', 'EUR', 'GBP', 'USD', 'CAD', 'AUD']));
    return {
      name: () => copied(product.name, [product.name]),
      brand: () => copied(product.brand),
      price: money.amount,
      currency: money.currency,
      color: () => copied(colour),
      weight_kg: () => (random.chance(0.6) ? copied(kilograms, [], `${kilograms} kg`) : normalisedFill(`${grams} g`, kilograms)),
      in_stock: (variant) =>
        normalisedFill(
          variant === 'word'
            ? random.pick(inStock ? ['in stock', 'available'] : ['out of stock', 'sold out'])
            : random.pick(inStock ? ['In stock.', 'Available now.', 'Ships today.'] : ['Currently out of stock.', 'Sold out at the moment.', 'Not available right now.']),
          inStock,
        ),
    };
  },
};

/**
 * First names and surnames from many languages. Left out on purpose: names that are also cities
 * (Sydney, Austin, Sofia, Paris...), months (April, June), colours (Amber, Ruby, Brown, Green), or words a
 * template might use (Will, Mark, Grace, Hope, Summer, Park, Hill, Stone): a held-out name must never
 * appear by coincidence in a training example.
 */
export const FIRST_NAMES: readonly string[] = [
  'Aaliyah', 'Abdul', 'Adaeze', 'Adebayo', 'Adriana', 'Agnieszka', 'Ahmed', 'Aiko', 'Aisha', 'Akira',
  'Alejandro', 'Aleksander', 'Alessandro', 'Alexei', 'Alice', 'Alina', 'Amara', 'Amir', 'Ana', 'Anders',
  'Andrea', 'Andrew', 'Anika', 'Anjali', 'Anton', 'Anya', 'Arjun', 'Astrid', 'Ayumi', 'Beatriz',
  'Benedikt', 'Benjamin', 'Bianca', 'Bjorn', 'Bongani', 'Camila', 'Carlos', 'Carmen', 'Catarina', 'Chen',
  'Chiara', 'Chidi', 'Chloe', 'Christopher', 'Clara', 'Daniel', 'Daniela', 'Dario', 'David', 'Deepa',
  'Dmitri', 'Eduardo', 'Elena', 'Elif', 'Elijah', 'Emeka', 'Emil', 'Emily', 'Emma', 'Esther',
  'Ethan', 'Fatima', 'Felipe', 'Femi', 'Fernanda', 'Finn', 'Francesca', 'Freya', 'Gabriel', 'Giulia',
  'Gustavo', 'Hana', 'Hannah', 'Haruto', 'Hassan', 'Helena', 'Hiroshi', 'Hugo', 'Ibrahim', 'Ida',
  'Ifeoma', 'Ingrid', 'Isabel', 'Isaac', 'Ivan', 'Jakob', 'James', 'Javier', 'Jasmine', 'Jens',
  'Ji-woo', 'Joao', 'Johanna', 'Jonas', 'Jorge', 'Julia', 'Julian', 'Kai', 'Kamala', 'Karim',
  'Katarzyna', 'Kenji', 'Keoni', 'Khalid', 'Kiran', 'Klara', 'Kofi', 'Lars', 'Laura', 'Layla',
  'Leila', 'Lena', 'Leon', 'Liam', 'Lina', 'Lucas', 'Lucia', 'Luis', 'Lukas', 'Mai',
  'Malik', 'Manon', 'Marco', 'Mariana', 'Marta', 'Mateo', 'Mathilde', 'Matteo', 'Mei', 'Mehmet',
  'Mia', 'Miguel', 'Mikael', 'Min-jun', 'Mohammed', 'Nadia', 'Naledi', 'Naomi', 'Natalia', 'Nikhil',
  'Nikolai', 'Nina', 'Noah', 'Nora', 'Obinna', 'Olga', 'Oliver', 'Omar', 'Oscar', 'Pablo',
  'Paolo', 'Pedro', 'Pieter', 'Priya', 'Rafael', 'Rahul', 'Rania', 'Ravi', 'Rebecca', 'Ricardo',
  'Rin', 'Rosa', 'Ryo', 'Saanvi', 'Sakura', 'Samir', 'Samuel', 'Sana', 'Santiago', 'Sara',
  'Sebastian', 'Seo-yeon', 'Sergei', 'Shreya', 'Simone', 'Sipho', 'Siddharth', 'Sven', 'Tariq', 'Tatiana',
  'Thabo', 'Thomas', 'Tomas', 'Uchenna', 'Valentina', 'Victor', 'Viktor', 'Wei', 'Wen', 'Xin',
  'Yara', 'Yasmin', 'Yosef', 'Yuki', 'Yusuf', 'Zainab', 'Zanele', 'Zara', 'Zeynep', 'Zoltan',
  'Amelia', 'Arthur', 'Aurelia', 'Bruno', 'Cecilia', 'Dalia', 'Elias', 'Emre', 'Farah', 'Gianluca',
  'Hamza', 'Ines', 'Junaid', 'Kaveh', 'Leandro', 'Lorenzo', 'Mariam', 'Maximilian', 'Nadine', 'Niamh',
  'Olufemi', 'Petra', 'Quentin', 'Rashid', 'Renata', 'Rohan', 'Sabine', 'Soren', 'Tobias', 'Ulrike',
  'Vanessa', 'Wiktor', 'Xavier', 'Yelena', 'Zhao', 'Anneke', 'Bilal', 'Chinedu', 'Dilnoza', 'Eamon',
];

export const LAST_NAMES: readonly string[] = [
  'Abara', 'Abe', 'Adeyemi', 'Aguilar', 'Ahmadi', 'Akhtar', 'Alvarez', 'Andersen', 'Andersson', 'Antonelli',
  'Arslan', 'Bakker', 'Banerjee', 'Barbosa', 'Becker', 'Bellini', 'Bergstrom', 'Bianchi', 'Bjork', 'Bondarenko',
  'Borges', 'Castillo', 'Castro', 'Chandra', 'Chatterjee', 'Chowdhury', 'Costa', 'Cruz', 'Dahl', 'Das',
  'Demir', 'Diallo', 'Dimitrov', 'Dubois', 'Dupont', 'Eriksen', 'Esposito', 'Fernandes', 'Ferrari', 'Figueroa',
  'Fischer', 'Fontaine', 'Fujita', 'Gallo', 'Garcia', 'Gomez', 'Gonzalez', 'Gupta', 'Haddad', 'Hakimi',
  'Hansen', 'Hartmann', 'Hashemi', 'Hayashi', 'Herrera', 'Hoffmann', 'Horvat', 'Hosseini', 'Huang', 'Ibrahimovic',
  'Inoue', 'Ivanova', 'Jankowski', 'Jansen', 'Jensen', 'Jimenez', 'Johansson', 'Kamau', 'Kang', 'Kaplan',
  'Karlsson', 'Kato', 'Kaur', 'Kawasaki', 'Khan', 'Kim', 'Kobayashi', 'Koch', 'Kowalski', 'Kozlov',
  'Krause', 'Kumar', 'Kuznetsov', 'Lambert', 'Larsen', 'Laurent', 'Lee', 'Lehmann', 'Leroy', 'Li',
  'Lindqvist', 'Liu', 'Lombardi', 'Lopez', 'Mahlangu', 'Maier', 'Marino', 'Martinez', 'Matsumoto', 'Mendes',
  'Mendoza', 'Mensah', 'Meyer', 'Moreau', 'Moreno', 'Mukherjee', 'Muller', 'Murphy', 'Nakamura', 'Nascimento',
  'Ndlovu', 'Nguyen', 'Nielsen', 'Novak', 'Nowak', 'Nwosu', 'Obi', 'Ogunleye', 'Okafor', 'Okonkwo',
  'Olsen', 'Ortiz', 'Otieno', 'Ozturk', 'Papadopoulos', 'Patel', 'Pereira', 'Petrov', 'Petrovic', 'Pham',
  'Popescu', 'Quispe', 'Rahman', 'Ramirez', 'Rao', 'Reddy', 'Reyes', 'Ricci', 'Richter', 'Rodrigues',
  'Rodriguez', 'Romano', 'Rossi', 'Sahin', 'Saito', 'Salazar', 'Sanchez', 'Santos', 'Sato', 'Schmidt',
  'Schneider', 'Schulz', 'Sharma', 'Shevchenko', 'Silva', 'Singh', 'Sokolov', 'Sorensen', 'Suzuki', 'Svensson',
  'Takahashi', 'Tanaka', 'Teo', 'Teixeira', 'Torres', 'Tran', 'Tshabalala', 'Uchida', 'Vargas', 'Vasquez',
  'Verma', 'Vidal', 'Vogel', 'Volkov', 'Wagner', 'Wang', 'Watanabe', 'Weber', 'Wojcik', 'Wong',
  'Wu', 'Xu', 'Yadav', 'Yamamoto', 'Yang', 'Yilmaz', 'Yoshida', 'Zhang', 'Zhou', 'Zimmermann',
  'Achterberg', 'Baptiste', 'Coelho', 'Delgado', 'Eklund', 'Fonseca', 'Grigoryan', 'Halvorsen', 'Iyer', 'Jovanovic',
  'Kiplagat', 'Lundgren', 'Mwangi', 'Nakashima', 'Oyelaran', 'Pacheco', 'Quintero', 'Rasmussen', 'Sandoval', 'Tamura',
  'Ueda', 'Valdez', 'Wieczorek', 'Ximenes', 'Yamada', 'Zapata', 'Asante', 'Bhatt', 'Cardoso', 'Dlamini',
  'Engel', 'Farouk', 'Gashi', 'Holm', 'Ilunga', 'Jaramillo', 'Kapoor', 'Lindberg', 'Magnusson', 'Nyambura',
];

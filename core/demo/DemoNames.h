// The word lists the demo clinic draws its people and places from: names grouped by the communities a
// mid-sized US clinic serves (so names, languages and accents go together), streets and nearby towns.
#pragma once

#include <span>
#include <string_view>

namespace practica::core::demo {

using Names = std::span<const std::string_view>;

inline constexpr std::string_view kUsFemale[] = {
    "Mary",     "Patricia",  "Jennifer", "Linda",     "Elizabeth", "Barbara",   "Susan",     "Jessica",   "Sarah",
    "Karen",    "Lisa",      "Nancy",    "Betty",     "Sandra",    "Margaret",  "Ashley",    "Kimberly",  "Emily",
    "Donna",    "Michelle",  "Carol",    "Amanda",    "Melissa",   "Deborah",   "Stephanie", "Dorothy",   "Rebecca",
    "Sharon",   "Laura",     "Cynthia",  "Amy",       "Kathleen",  "Angela",    "Shirley",   "Brenda",    "Emma",
    "Anna",     "Pamela",    "Nicole",   "Samantha",  "Katherine", "Christine", "Helen",     "Rachel",    "Carolyn",
    "Janet",    "Catherine", "Heather",  "Diane",     "Olivia",    "Julie",     "Joyce",     "Victoria",  "Ruth",
    "Virginia", "Lauren",    "Kelly",    "Christina", "Joan",      "Evelyn",    "Judith",    "Andrea",    "Hannah",
    "Megan",    "Cheryl",    "Martha",   "Madison",   "Teresa",    "Gloria",    "Kathryn",   "Abigail",   "Sophia",
    "Frances",  "Alice",     "Grace",    "Amber",     "Denise",    "Danielle",  "Marilyn",   "Beverly",   "Charlotte",
    "Natalie",  "Diana",     "Brittany", "Kayla",     "Alexis",    "Ava",       "Harper",    "Aaliyah",   "Imani",
    "Keisha",   "Latoya",    "Tamika",   "Ebony",     "Destiny",   "Jasmine",   "Shanice",   "Mary Beth", "Ann-Marie"};
inline constexpr std::string_view kUsMale[] = {
    "James",   "Robert",  "John",     "Michael",  "David",    "William", "Richard",   "Joseph",  "Thomas",
    "Charles", "Daniel",  "Matthew",  "Anthony",  "Mark",     "Donald",  "Steven",    "Andrew",  "Paul",
    "Joshua",  "Kenneth", "Kevin",    "Brian",    "George",   "Timothy", "Ronald",    "Jason",   "Edward",
    "Jeffrey", "Ryan",    "Jacob",    "Gary",     "Nicholas", "Eric",    "Jonathan",  "Stephen", "Larry",
    "Justin",  "Scott",   "Brandon",  "Benjamin", "Samuel",   "Gregory", "Alexander", "Patrick", "Frank",
    "Raymond", "Jack",    "Dennis",   "Jerry",    "Tyler",    "Aaron",   "Henry",     "Douglas", "Nathan",
    "Peter",   "Zachary", "Kyle",     "Noah",     "Ethan",    "Jeremy",  "Christian", "Walter",  "Keith",
    "Austin",  "Roger",   "Terry",    "Sean",     "Gerald",   "Carl",    "Dylan",     "Harold",  "Jordan",
    "Jesse",   "Bryan",   "Lawrence", "Arthur",   "Gabriel",  "Bruce",   "Logan",     "Alan",    "Elijah",
    "Willie",  "Albert",  "Wayne",    "Randy",    "Mason",    "Vincent", "Roy",       "Caleb",   "Bradley",
    "Russell", "Lucas",   "DeShawn",  "Jamal",    "Darnell",  "Malik",   "Terrence",  "Marcus",  "Tyrone",
    "Jaylen",  "Isaiah",  "Xavier",   "Jalen",    "Billy Ray"};
inline constexpr std::string_view kUsFamily[] = {
    "Smith",     "Johnson",    "Williams", "Brown",      "Jones",     "Miller",      "Davis",        "Wilson",
    "Anderson",  "Taylor",     "Thomas",   "Moore",      "Jackson",   "Martin",      "Lee",          "Thompson",
    "White",     "Harris",     "Clark",    "Lewis",      "Robinson",  "Walker",      "Young",        "Allen",
    "King",      "Wright",     "Scott",    "Hill",       "Green",     "Adams",       "Baker",        "Nelson",
    "Carter",    "Mitchell",   "Roberts",  "Turner",     "Phillips",  "Campbell",    "Parker",       "Evans",
    "Edwards",   "Collins",    "Stewart",  "Morris",     "Murphy",    "Cook",        "Rogers",       "Morgan",
    "Peterson",  "Cooper",     "Reed",     "Bailey",     "Bell",      "Kelly",       "Howard",       "Ward",
    "Cox",       "Richardson", "Wood",     "Watson",     "Brooks",    "Bennett",     "Gray",         "James",
    "Hughes",    "Price",      "Sanders",  "Myers",      "Long",      "Ross",        "Foster",       "Powell",
    "Jenkins",   "Perry",      "Russell",  "Sullivan",   "Fisher",    "Henderson",   "Coleman",      "Simmons",
    "Patterson", "Jordan",     "Reynolds", "Hamilton",   "Graham",    "Wallace",     "Woods",        "Cole",
    "West",      "Owens",      "Marshall", "Washington", "Freeman",   "Holmes",      "Webb",         "Tucker",
    "Porter",    "Hunter",     "Hicks",    "Crawford",   "Boyd",      "Mason",       "Warren",       "Dixon",
    "Burns",     "Gordon",     "Shaw",     "Whitfield",  "Blackwell", "Smith-Jones", "Baker-Hughes", "St. Clair",
    "Jefferson", "Banks",      "Pruitt",   "McCoy"};

inline constexpr std::string_view kHispanicFemale[] = {
    "María",   "Sofía",     "Lucía",   "Isabella",  "Valentina", "Camila", "Ana Sofía", "Daniela",   "Gabriela",
    "Mariana", "Guadalupe", "Rosa",    "Carmen",    "Ana",       "Juana",  "Verónica",  "Alejandra", "Adriana",
    "Yesenia", "Marisol",   "Leticia", "Inés",      "Beatriz",   "Elena",  "Paola",     "Ximena",    "Natalia",
    "Araceli", "Rocío",     "Dolores", "Esperanza", "Consuelo",  "Itzel",  "Maribel",   "Yolanda"};
inline constexpr std::string_view kHispanicMale[] = {
    "José",      "Juan",     "Luis",     "Carlos",  "Jesús",   "Miguel", "Jorge",       "Alejandro", "Antonio",
    "Francisco", "Andrés",   "Raúl",     "Martín",  "Ramón",   "Héctor", "Sergio",      "Fernando",  "Diego",
    "Mateo",     "Santiago", "Julián",   "Ricardo", "Eduardo", "Javier", "Óscar",       "Rubén",     "Adrián",
    "Iván",      "Joaquín",  "Emiliano", "Rafael",  "Ángel",   "Tomás",  "Juan Carlos", "José Luis"};
inline constexpr std::string_view kHispanicFamily[] = {
    "García",    "Martínez", "Rodríguez", "Hernández",  "López",          "González",        "Pérez",      "Sánchez",
    "Ramírez",   "Gómez",    "Díaz",      "Muñoz",      "Jiménez",        "Núñez",           "Domínguez",  "Vázquez",
    "Ortiz",     "Castillo", "Morales",   "Reyes",      "Cruz",           "Flores",          "Rivera",     "Torres",
    "Gutiérrez", "Ruiz",     "Álvarez",   "Romero",     "Mendoza",        "Herrera",         "Medina",     "Aguilar",
    "Vargas",    "Castro",   "Guzmán",    "Peña",       "Soto",           "Ibáñez",          "Quiñones",   "Ordóñez",
    "Acuña",     "Santiago", "Del Río",   "De la Cruz", "García Márquez", "Fernández López", "Ruiz-Tagle", "Sandoval",
    "Espinoza",  "Cabrera"};

inline constexpr std::string_view kChineseFemale[] = {"Mei",  "Li Na", "Xiaoling", "Yan", "Jing", "Hui",
                                                      "Ying", "Xin",   "Fang",     "Lan", "Qing", "Yue"};
inline constexpr std::string_view kChineseMale[] = {"Wei", "Jun",  "Hao",   "Lei",    "Ming", "Jian",
                                                    "Tao", "Yong", "Qiang", "Zhiwei", "Bo",   "Chen"};
inline constexpr std::string_view kChineseFamily[] = {"Wang", "Li",   "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao",
                                                      "Wu",   "Zhou", "Xu",    "Sun", "Ma",   "Zhu",  "Hu",    "Lin",
                                                      "Guo",  "He",   "Gao",   "Luo", "Chan", "Wong"};

inline constexpr std::string_view kVietnameseFemale[] = {"Linh", "Thảo",   "Hoa",   "Mai",  "Lan", "Trang",
                                                         "Ngọc", "Phương", "Hương", "Thủy", "Anh", "Vy"};
inline constexpr std::string_view kVietnameseMale[] = {"Minh", "Tuấn",  "Đức",   "Hùng", "Khoa", "Long",
                                                       "Nam",  "Quang", "Thành", "Bảo",  "Huy",  "Phúc"};
inline constexpr std::string_view kVietnameseFamily[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan",  "Vũ", "Võ",
                                                         "Đặng",   "Bùi",  "Đỗ", "Hồ",   "Ngô",   "Dương", "Lý"};

inline constexpr std::string_view kKoreanFemale[] = {"Ji-woo", "Seo-yeon", "Min-ji",  "Ha-eun",  "Soo-jin",
                                                     "Eun-ji", "Yuna",     "Hye-jin", "Ji-yeon", "Da-eun"};
inline constexpr std::string_view kKoreanMale[] = {"Min-jun", "Seo-jun",  "Ji-ho",   "Hyun-woo", "Dong-hyun",
                                                   "Jae-won", "Sung-min", "Joon-ho", "Tae-yang", "Woo-jin"};
inline constexpr std::string_view kKoreanFamily[] = {"Kim",  "Park", "Choi", "Jung", "Kang", "Cho",  "Yoon",
                                                     "Jang", "Lim",  "Han",  "Oh",   "Seo",  "Shin", "Kwon"};

inline constexpr std::string_view kSouthAsianFemale[] = {"Priya",  "Ananya",  "Kavya",     "Aditi", "Pooja",
                                                         "Neha",   "Lakshmi", "Sita",      "Meera", "Divya",
                                                         "Anjali", "Sunita",  "Bhagawati", "Durga"};
inline constexpr std::string_view kSouthAsianMale[] = {"Arjun",  "Rohan",  "Vikram",  "Rahul", "Amit",
                                                       "Sanjay", "Ravi",   "Krishna", "Aarav", "Dev",
                                                       "Hari",   "Bishnu", "Tilak",   "Suresh"};
inline constexpr std::string_view kSouthAsianFamily[] = {
    "Patel", "Shah",  "Singh", "Kumar",     "Sharma", "Gupta", "Reddy", "Rao",       "Iyer",     "Nair",
    "Desai", "Mehta", "Joshi", "Chaudhary", "Gurung", "Thapa", "Rai",   "Bhattarai", "Adhikari", "Subedi"};

inline constexpr std::string_view kSomaliFemale[] = {"Fadumo", "Hodan", "Amina",  "Sahra",   "Hawa",    "Ubah",
                                                     "Ayaan",  "Nimco", "Halima", "Khadija", "Farhiya", "Asli"};
inline constexpr std::string_view kSomaliMale[] = {"Abdirahman", "Mohamed", "Ahmed", "Abdullahi",
                                                   "Hassan",     "Yusuf",   "Liban", "Mahad",
                                                   "Abdikarim",  "Guled",   "Hamza", "Bashir"};
inline constexpr std::string_view kSomaliFamily[] = {"Mohamed", "Ahmed", "Hassan",    "Ali",     "Abdi",  "Farah",
                                                     "Warsame", "Yusuf", "Omar",      "Ibrahim", "Osman", "Jama",
                                                     "Nur",     "Aden",  "Abdullahi", "Hirsi"};

inline constexpr std::string_view kArabicFemale[] = {"Fatima", "Layla", "Noor", "Yasmin", "Rania",  "Mariam",
                                                     "Huda",   "Salma", "Lina", "Dalia",  "Zeinab", "Rana"};
inline constexpr std::string_view kArabicMale[] = {"Omar", "Khalid", "Tariq", "Yousef", "Karim", "Samir",
                                                   "Rami", "Bilal",  "Hamza", "Nabil",  "Fadi",  "Ziad"};
inline constexpr std::string_view kArabicFamily[] = {"Haddad",     "Khoury",   "Saleh",   "Mansour", "Nasser",
                                                     "Al-Hashimi", "Al-Sayed", "Hamdan",  "Aziz",    "Karam",
                                                     "El-Amin",    "Abboud",   "Darwish", "Qasim"};

inline constexpr std::string_view kEuropeanFemale[] = {
    "Renée",     "Zoë",       "Chloé",     "Noémie",  "Siobhán",   "Aoife",    "Niamh",  "Giulia",
    "Francesca", "Katarzyna", "Agnieszka", "Greta",   "Ingrid",    "Astrid",   "Élodie", "Hélène",
    "Margit",    "Anneliese", "Bridget",   "Colleen", "Maeve",     "Kirsten",  "Liesel", "Magdalena",
    "Natasha",   "Olga",      "Svetlana",  "Irina",   "Gabrielle", "Françoise"};
inline constexpr std::string_view kEuropeanMale[] = {
    "Søren",  "Björn",  "Jürgen", "François", "André",  "Seán",   "Liam",      "Giuseppe", "Matteo", "Piotr",
    "Tomasz", "Hans",   "Lars",   "Klaus",    "Declan", "Cormac", "Luca",      "Stefan",   "Dieter", "Nikolai",
    "Dmitri", "Sergei", "Pierre", "Jean-Luc", "Mikael", "Anders", "Kazimierz", "Conor",    "Rory",   "Emil"};
inline constexpr std::string_view kEuropeanFamily[] = {
    "O'Brien",  "O'Connor",     "O'Neill",  "McAllister", "MacDonald", "Fitzgerald",   "Gallagher",  "Schröder",
    "Müller",   "Weiß",         "Schmidt",  "Becker",     "Kowalski",  "Nowak",        "Wiśniewski", "Zieliński",
    "Rossi",    "Esposito",     "Bianchi",  "D'Angelo",   "DiMaggio",  "Lombardi",     "Lefèvre",    "Dubois",
    "Girard",   "Larsen",       "Sørensen", "Lindqvist",  "Björklund", "Van der Berg", "De Vries",   "Novák",
    "Horváth",  "Papadopoulos", "Ivanov",   "Petrov",     "Kuznetsov", "St. John",     "Doyle",      "Byrne",
    "Hoffmann", "Wagner",       "Costa",    "Marino",     "Jansen",    "Eriksson",     "Nilsson",    "Moreau"};

struct Community
{
    Names female;
    Names male;
    Names family;
    int weight;                // share of the clinic's patients, in parts per 100
    std::string_view language; // BCP 47 code of the community's other language
    int otherLanguagePercent;  // how many prefer that language over English
};

inline constexpr Community kCommunities[] = {
    {kUsFemale, kUsMale, kUsFamily, 55, "en", 0},
    {kHispanicFemale, kHispanicMale, kHispanicFamily, 16, "es", 45},
    {kEuropeanFemale, kEuropeanMale, kEuropeanFamily, 11, "pl", 4},
    {kChineseFemale, kChineseMale, kChineseFamily, 3, "zh", 35},
    {kVietnameseFemale, kVietnameseMale, kVietnameseFamily, 2, "vi", 40},
    {kKoreanFemale, kKoreanMale, kKoreanFamily, 2, "ko", 30},
    {kSouthAsianFemale, kSouthAsianMale, kSouthAsianFamily, 5, "ne", 25},
    {kSomaliFemale, kSomaliMale, kSomaliFamily, 4, "so", 50},
    {kArabicFemale, kArabicMale, kArabicFamily, 2, "ar", 40},
};

inline constexpr std::string_view kStreets[] = {"High Street",
                                                "Broad Street",
                                                "Main Street",
                                                "Maple Avenue",
                                                "Oak Street",
                                                "Elm Street",
                                                "Cleveland Avenue",
                                                "Morse Road",
                                                "Olentangy River Road",
                                                "Sawmill Road",
                                                "Riverside Drive",
                                                "Livingston Avenue",
                                                "Parsons Avenue",
                                                "Karl Road",
                                                "Hamilton Road",
                                                "Refugee Road",
                                                "Sunbury Road",
                                                "Schrock Road",
                                                "Bethel Road",
                                                "Henderson Road",
                                                "Fishinger Road",
                                                "Lane Avenue",
                                                "Hudson Street",
                                                "Indianola Avenue",
                                                "Summit Street",
                                                "Neil Avenue",
                                                "Kenny Road",
                                                "Dublin Granville Road",
                                                "Polaris Parkway",
                                                "Cemetery Road",
                                                "Brice Road",
                                                "Noe Bixby Road",
                                                "Alum Creek Drive",
                                                "Walnut Street",
                                                "Cherry Street",
                                                "Chestnut Street",
                                                "Washington Avenue",
                                                "Lincoln Avenue",
                                                "Park Avenue",
                                                "Sycamore Lane",
                                                "Willow Creek Drive",
                                                "Hickory Ridge Court",
                                                "Meadowbrook Lane",
                                                "Birchwood Drive",
                                                "Cedar Point Road",
                                                "Fox Run Court",
                                                "Deer Creek Lane",
                                                "Spring Valley Road",
                                                "Country Club Drive",
                                                "Mill Run Circle",
                                                "Forest Hills Boulevard",
                                                "Lakeview Drive",
                                                "Pleasant Valley Road",
                                                "Harbor Pointe Drive",
                                                "Tuttle Crossing Boulevard"};

struct Town
{
    std::string_view city;
    std::string_view state;
    int zip;      // first ZIP of the town's range
    int zipCount; // how many consecutive ZIPs the town has
    int weight;
};

// The clinic is in Columbus, Ohio: most patients live nearby, a few across the state line or further.
inline constexpr Town kTowns[] = {
    {"Columbus", "OH", 43201, 35, 40},   {"Dublin", "OH", 43016, 2, 5},          {"Westerville", "OH", 43081, 2, 5},
    {"Worthington", "OH", 43085, 1, 3},  {"Grove City", "OH", 43123, 1, 4},      {"Hilliard", "OH", 43026, 1, 4},
    {"Reynoldsburg", "OH", 43068, 1, 3}, {"Gahanna", "OH", 43230, 1, 3},         {"Delaware", "OH", 43015, 1, 3},
    {"Newark", "OH", 43055, 1, 3},       {"Lancaster", "OH", 43130, 1, 2},       {"Marysville", "OH", 43040, 1, 2},
    {"Pickerington", "OH", 43147, 1, 2}, {"Upper Arlington", "OH", 43221, 1, 2}, {"Bexley", "OH", 43209, 1, 1},
    {"Dayton", "OH", 45402, 8, 2},       {"Cincinnati", "OH", 45202, 12, 2},     {"Cleveland", "OH", 44102, 12, 2},
    {"Zanesville", "OH", 43701, 1, 1},   {"Chillicothe", "OH", 45601, 1, 1},     {"Huntington", "WV", 25701, 4, 1},
    {"Wheeling", "WV", 26003, 1, 1},     {"Fort Wayne", "IN", 46802, 8, 1},      {"Lexington", "KY", 40502, 8, 1},
    {"Pittsburgh", "PA", 15201, 20, 1},  {"Detroit", "MI", 48201, 20, 1},        {"Sarasota", "FL", 34231, 5, 1},
};

// Ohio's area codes; numbers are the 555-0100..0199 range reserved for fiction.
inline constexpr std::string_view kAreaCodes[] = {"614", "380", "740", "937", "513", "419",
                                                  "567", "330", "234", "216", "440", "220"};

inline constexpr std::string_view kEmailDomains[] = {"example.com", "example.org", "example.net", "mail.example.com"};

// The short name some people go by, when there is a common one.
inline std::string_view nickname(std::string_view given)
{
    static constexpr std::pair<std::string_view, std::string_view> kNicknames[] = {
        {"William", "Bill"},      {"Robert", "Bob"},     {"Elizabeth", "Liz"},  {"Katherine", "Kate"},
        {"James", "Jim"},         {"Michael", "Mike"},   {"Jennifer", "Jen"},   {"Margaret", "Peggy"},
        {"Richard", "Rick"},      {"Thomas", "Tom"},     {"Joseph", "Joe"},     {"Alexander", "Alex"},
        {"Samantha", "Sam"},      {"Nicholas", "Nick"},  {"Daniel", "Dan"},     {"Rebecca", "Becky"},
        {"Patricia", "Pat"},      {"Deborah", "Debbie"}, {"Francisco", "Paco"}, {"José", "Pepe"},
        {"Guadalupe", "Lupe"},    {"Dolores", "Lola"},   {"Alejandro", "Álex"}, {"Abdirahman", "Abdi"},
        {"Christopher", "Chris"}, {"Benjamin", "Ben"},   {"Kimberly", "Kim"},   {"Victoria", "Tori"},
        {"Seo-yeon", "Sophie"},   {"Zhiwei", "David"},   {"Xiaoling", "Linda"}, {"Min-jun", "Justin"}};
    for (const auto& [name, nick] : kNicknames)
        if (name == given)
            return nick;
    return {};
}

} // namespace practica::core::demo
